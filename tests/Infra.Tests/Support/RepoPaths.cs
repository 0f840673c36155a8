namespace Infra.Tests.Support;

/// <summary>Locations in the repository, found from the test assembly (never machine paths).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Snapshots => Path.Combine(Root, "tests", "Infra.Tests", "Snapshots");

    /// <summary>The built <c>infra</c> tool, copied next to the tests by the project reference.</summary>
    public static string InfraDll => Path.Combine(AppContext.BaseDirectory, "infra.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infra.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (no Infra.sln above the test assembly).");
    }
}

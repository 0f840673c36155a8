namespace Infra.Tools.ProviderGen;

/// <summary>The repository root: the nearest folder holding Infra.sln above the working directory (or the tool).</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Infra.sln"))) return dir.FullName;
            }
        }
        throw new GeneratorException("Cannot find the repository root (no Infra.sln above the working directory); run from inside the repository.");
    }
}

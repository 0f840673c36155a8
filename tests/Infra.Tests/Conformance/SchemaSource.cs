namespace Infra.Tests.SchemaConformance;

/// <summary>
/// Where the tests read provider schemas: <c>../shared/schemas</c> (the reference) when it sits beside
/// the repository, else the subset the repository carries (<c>components/Providers/Schemas</c>,
/// written by tools/ProviderGen), so a clone on its own (e.g. on GitHub) still checks conformance.
/// Set <c>INFRA_TEST_SCHEMAS=subset</c> to use the subset even where ../shared is present (to prove the
/// repository's tests pass on their own). With neither folder the tests fail, never skip.
/// </summary>
public sealed record SchemaSource(string Directory, bool IsSubset)
{
    public const string ModeVariable = "INFRA_TEST_SCHEMAS";

    public static string SubsetRelativePath => Path.Combine("components", "Providers", "Schemas");

    public static bool SubsetForced => Environment.GetEnvironmentVariable(ModeVariable) == "subset";

    public static SchemaSource Locate() => Locate(RepositoryRoot(), SubsetForced);

    public static SchemaSource Locate(string root, bool forceSubset)
    {
        var shared = SharedDirectory(root);
        var subset = Path.GetFullPath(Path.Combine(root, SubsetRelativePath));
        if (!forceSubset && System.IO.Directory.Exists(shared)) return new SchemaSource(shared, IsSubset: false);
        if (System.IO.Directory.Exists(subset)) return new SchemaSource(subset, IsSubset: true);
        throw new SchemasNotFoundException(forceSubset ? subset : $"{shared}' nor '{subset}");
    }

    /// <summary><c>&lt;repo root&gt;/../shared/schemas</c>, whether or not it exists.</summary>
    public static string SharedDirectory(string? root = null) =>
        Path.GetFullPath(Path.Combine(root ?? RepositoryRoot(), "..", "shared", "schemas"));

    /// <summary>The first folder above the test assembly holding Infra.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Infra.sln"))) return folder.FullName;
        }
        throw new SchemasNotFoundException(
            $"<repository root>/../shared/schemas (no folder holding Infra.sln above {AppContext.BaseDirectory})");
    }
}

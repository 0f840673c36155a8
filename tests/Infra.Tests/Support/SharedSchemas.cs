namespace Infra.Tests.Support;

/// <summary>
/// The provider schemas beside the repository (<c>../shared/schemas</c>). Tests that need them fail
/// loudly when they are missing: conformance that was not checked must never look like a pass.
/// </summary>
public static class SharedSchemas
{
    public static string Directory => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "schemas"));

    public static string File(string name)
    {
        var path = Path.Combine(Directory, name);
        if (!System.IO.File.Exists(path))
            throw new InvalidOperationException(
                $"SCHEMAS MISSING: {path} does not exist. The provider schemas must sit beside the repository " +
                "(../shared/schemas); without them schema conformance and pinned versions cannot be checked.");
        return path;
    }
}

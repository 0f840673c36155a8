using Infra.Tests.SchemaConformance;

namespace Infra.Tests.Support;

/// <summary>
/// The provider schema files the tests read: <c>../shared/schemas</c> beside the repository, or the
/// repository's own subset without it (<see cref="SchemaSource"/>). Tests that need them fail loudly
/// when neither is there: conformance that was not checked must never look like a pass.
/// </summary>
public static class SharedSchemas
{
    public static string Directory => SchemaSource.Locate().Directory;

    public static string File(string name)
    {
        var source = SchemaSource.Locate();
        var path = Path.Combine(source.Directory, name);
        if (!System.IO.File.Exists(path))
            throw new InvalidOperationException(
                $"SCHEMAS MISSING: {path} does not exist. " + (source.IsSubset
                    ? "The repository's schema subset lacks it: add the token to components/Providers/allow-list.txt and run " +
                      "`dotnet run --project tools/ProviderGen` with ../shared/schemas beside the repository."
                    : "The provider schemas must sit beside the repository (../shared/schemas); without them schema " +
                      "conformance and pinned versions cannot be checked."));
        return path;
    }
}

namespace Infra.Tests.SchemaConformance;

/// <summary>
/// The provider schemas are reference data beside the repository; the repository carries the subset
/// its tests need. Without either no conformance test can mean anything, so their absence is an
/// error, never a skip.
/// </summary>
public sealed class SchemasNotFoundException(string directory)
    : Exception(
        $"Provider schemas not found: looked for the folder '{directory}'. " +
        "The '../shared' folder (holding shared/schemas with one PROVIDER.json per provider and versions.json) " +
        "must sit beside the repository, or the repository must carry its schema subset (components/Providers/Schemas, " +
        "regenerated with `dotnet run --project tools/ProviderGen`). Schema conformance cannot be checked without it.")
{
    public string Directory { get; } = directory;
}

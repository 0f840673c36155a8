namespace Infra.Tests.SchemaConformance;

/// <summary>
/// The provider schemas are reference data beside the repository, not in it. Without them no
/// conformance test can mean anything, so their absence is an error, never a skip.
/// </summary>
public sealed class SchemasNotFoundException(string directory)
    : Exception(
        $"Provider schemas not found: looked for the folder '{directory}'. " +
        "The '../shared' folder (holding shared/schemas with one PROVIDER.json per provider and versions.json) " +
        "must sit beside the repository. Schema conformance cannot be checked without it.")
{
    public string Directory { get; } = directory;
}

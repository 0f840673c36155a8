using System.Collections.Concurrent;
using System.Text.Json;

namespace Infra.Tests.SchemaConformance;

/// <summary>
/// The provider schemas in <c>../shared/schemas</c> (or the repository's subset of them, see
/// <see cref="SchemaSource"/>). A package file is parsed only when a token of
/// that package is first looked up, and then kept (aws.json alone is 8.7 MB); <see cref="Shared"/>
/// keeps them for the whole test run.
/// </summary>
public sealed class ProviderSchemas
{
    private const string ProvidersPrefix = "pulumi:providers:";

    /// <summary>The one Pulumi YAML built-in resource type; it has no schema file.</summary>
    private static readonly SchemaPackage BuiltIns = SchemaPackage.Parse("""
        {"name": "pulumi", "resources": {"pulumi:pulumi:StackReference": {
          "inputProperties": {"name": {"type": "string"}},
          "requiredInputs": ["name"],
          "properties": {"name": {"type": "string"},
                         "outputs": {"type": "object", "additionalProperties": {"$ref": "pulumi.json#/Any"}},
                         "secretOutputNames": {"type": "array", "items": {"type": "string"}}}}}}
        """);

    private static readonly Lazy<ProviderSchemas> SharedInstance = new(() => new ProviderSchemas(LocateDirectory()));

    private readonly ConcurrentDictionary<string, Lazy<SchemaPackage?>> packages = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyDictionary<string, string>> versions;

    /// <summary>The schemas beside this repository, loaded once per test run.</summary>
    public static ProviderSchemas Shared => SharedInstance.Value;

    public string Directory { get; }

    /// <summary>Provider name → pinned version, from <c>versions.json</c>.</summary>
    public IReadOnlyDictionary<string, string> Versions => versions.Value;

    /// <exception cref="SchemasNotFoundException">The folder does not exist.</exception>
    public ProviderSchemas(string directory)
    {
        Directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(Directory)) throw new SchemasNotFoundException(Directory);
        versions = new(LoadVersions);
    }

    /// <summary>The schemas the tests read: ../shared/schemas, or the repository's subset without it (see <see cref="SchemaSource"/>).</summary>
    public static string LocateDirectory() => SchemaSource.Locate().Directory;

    /// <summary>A provider's schema file, or null when there is none.</summary>
    public SchemaPackage? Package(string name) =>
        packages.GetOrAdd(name, n => new Lazy<SchemaPackage?>(() => LoadPackage(n))).Value;

    /// <summary>Resolves a resource type token; <c>pulumi:providers:X</c> gives X's provider resource.</summary>
    public ResourceSchema? FindResource(string token)
    {
        if (token.StartsWith(ProvidersPrefix, StringComparison.OrdinalIgnoreCase))
            return Package(token[ProvidersPrefix.Length..])?.Provider;
        if (BuiltIns.FindResource(token) is { } builtIn) return builtIn;
        return Package(TokenResolution.PackageOf(token))?.FindResource(token);
    }

    /// <summary>Resolves an <c>fn::invoke</c> function token.</summary>
    public FunctionSchema? FindFunction(string token) => Package(TokenResolution.PackageOf(token))?.FindFunction(token);

    private SchemaPackage? LoadPackage(string name)
    {
        // Only plain names: a token's package part must never walk out of the folder.
        if (name.Length == 0 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')) return null;
        var file = Path.Combine(Directory, name + ".json");
        return File.Exists(file) ? SchemaPackage.Load(file) : null;
    }

    private IReadOnlyDictionary<string, string> LoadVersions()
    {
        var file = Path.Combine(Directory, "versions.json");
        if (!File.Exists(file)) throw new SchemasNotFoundException(file);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))
               ?? throw new InvalidDataException($"{file} holds no provider versions.");
    }
}

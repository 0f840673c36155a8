using System.Text.Json;

namespace Infra.Tools.ProviderGen;

/// <summary>
/// The provider schema files of one folder (<c>PROVIDER.json</c> in Pulumi package-schema shape, plus
/// <c>versions.json</c>), each parsed when first needed. Tokens are looked up exactly as the allow-list
/// spells them: the generated code and the subset must use the schema's own spelling.
/// </summary>
public sealed class SchemaSet(string directory)
{
    private const string ProvidersPrefix = "pulumi:providers:";
    private readonly Dictionary<string, JsonDocument> packages = new(StringComparer.Ordinal);

    public string Directory { get; } = directory;

    public static bool IsProviderToken(string token) => token.StartsWith(ProvidersPrefix, StringComparison.Ordinal);

    /// <summary>The package a token belongs to (<c>aws</c> for <c>aws:ec2/vpc:Vpc</c> and <c>pulumi:providers:aws</c>).</summary>
    public static string PackageOf(string token) =>
        IsProviderToken(token) ? token[ProvidersPrefix.Length..] : token[..token.IndexOf(':')];

    public JsonElement Package(string name)
    {
        if (packages.TryGetValue(name, out var loaded)) return loaded.RootElement;
        if (name.Length == 0 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
            throw new GeneratorException($"'{name}' is not a provider package name.");
        var file = Path.Combine(Directory, name + ".json");
        if (!File.Exists(file))
            throw new GeneratorException($"No schema for the package '{name}': {file} does not exist.");
        using var stream = File.OpenRead(file);
        var document = JsonDocument.Parse(stream);
        packages[name] = document;
        return document.RootElement;
    }

    public string VersionsJson()
    {
        var file = Path.Combine(Directory, "versions.json");
        if (!File.Exists(file)) throw new GeneratorException($"{file} does not exist; the schema folder must hold versions.json.");
        return File.ReadAllText(file);
    }

    public static JsonElement? Section(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object
            ? section
            : null;

    public static IReadOnlyList<string> Names(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(n => n.GetString() ?? "").ToList()
            : [];

    public JsonElement? Resource(string token) => Section(Package(PackageOf(token)), "resources") is { } r && r.TryGetProperty(token, out var spec) ? spec : null;

    public JsonElement? Function(string token) => Section(Package(PackageOf(token)), "functions") is { } f && f.TryGetProperty(token, out var spec) ? spec : null;

    public JsonElement? Type(string token) => Section(Package(PackageOf(token)), "types") is { } t && t.TryGetProperty(token, out var spec) ? spec : null;

    /// <summary>The <c>provider</c> section of a package: the inputs of <c>pulumi:providers:NAME</c>.</summary>
    public JsonElement Provider(string package) =>
        Section(Package(package), "provider") ?? JsonDocument.Parse("{}").RootElement;

    public string VersionOf(string package) =>
        Package(package).TryGetProperty("version", out var version) ? version.GetString() ?? "" : "";
}

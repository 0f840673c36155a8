using System.Text.Json;

namespace Infra.Tests.SchemaConformance;

/// <summary>
/// One provider's schema file, parsed once. Tokens are indexed both exactly and case-insensitively,
/// because Pulumi YAML accepts either (exact wins). The JSON is read-only after parsing, so one
/// instance is safely shared by tests running in parallel.
/// </summary>
public sealed class SchemaPackage
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;

    private readonly TokenIndex resources;
    private readonly TokenIndex functions;
    private readonly Dictionary<string, JsonElement> types = new(StringComparer.Ordinal);

    public string Name { get; }
    public string Version { get; }

    /// <summary>The provider resource <c>pulumi:providers:NAME</c>.</summary>
    public ResourceSchema Provider { get; }

    private SchemaPackage(JsonElement root)
    {
        Name = root.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "";
        Version = root.TryGetProperty("version", out var version) ? version.GetString() ?? "" : "";
        resources = new TokenIndex(Section(root, "resources"));
        functions = new TokenIndex(Section(root, "functions"));
        foreach (var type in Section(root, "types").EnumerateObject()) types[type.Name] = type.Value;

        // A provider's outputs are its inputs.
        var provider = Section(root, "provider");
        var providerInputs = Section(provider, "inputProperties");
        Provider = new ResourceSchema(
            $"pulumi:providers:{Name}", this, providerInputs, Names(provider, "requiredInputs"), providerInputs, IsOverlay: false);
    }

    public static SchemaPackage Load(string file)
    {
        using var stream = File.OpenRead(file);
        return new SchemaPackage(JsonDocument.Parse(stream).RootElement);
    }

    public static SchemaPackage Parse(string json) => new(JsonDocument.Parse(json).RootElement);

    public ResourceSchema? FindResource(string token)
    {
        if (resources.Find(token) is not { } found) return null;
        var (exact, spec) = found;
        return new ResourceSchema(
            exact, this, Section(spec, "inputProperties"), Names(spec, "requiredInputs"), Section(spec, "properties"),
            IsOverlay: spec.TryGetProperty("isOverlay", out var overlay) && overlay.ValueKind == JsonValueKind.True);
    }

    public FunctionSchema? FindFunction(string token)
    {
        if (functions.Find(token) is not { } found) return null;
        var (exact, spec) = found;
        var inputs = Section(spec, "inputs");
        return new FunctionSchema(
            exact, this, Section(inputs, "properties"), Names(inputs, "required"), Section(Section(spec, "outputs"), "properties"));
    }

    /// <summary>The definition behind <c>#/types/TOKEN</c> (an object type or an enum).</summary>
    public JsonElement? FindType(string token) => types.TryGetValue(token, out var type) ? type : null;

    private static JsonElement Section(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object
            ? section
            : EmptyObject;

    private static IReadOnlySet<string> Names(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(n => n.GetString() ?? "").ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();

    /// <summary>Tokens of one section, resolved the way Pulumi YAML resolves them.</summary>
    private sealed class TokenIndex
    {
        private readonly Dictionary<string, JsonElement> exact = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> ignoringCase = new(StringComparer.OrdinalIgnoreCase);

        public TokenIndex(JsonElement section)
        {
            foreach (var entry in section.EnumerateObject())
            {
                exact[entry.Name] = entry.Value;
                ignoringCase.TryAdd(entry.Name, entry.Name);
            }
        }

        public (string Token, JsonElement Spec)? Find(string token)
        {
            foreach (var candidate in TokenResolution.Candidates(token))
            {
                if (exact.TryGetValue(candidate, out var spec)) return (candidate, spec);
                if (ignoringCase.TryGetValue(candidate, out var real)) return (real, exact[real]);
            }
            return null;
        }
    }
}

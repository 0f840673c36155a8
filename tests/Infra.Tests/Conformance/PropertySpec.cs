using System.Text.Json;

namespace Infra.Tests.SchemaConformance;

/// <summary>A property spec of a schema (<c>{"type": ...}</c>, <c>{"$ref": ...}</c>, <c>{"oneOf": ...}</c>), with the package its <c>$ref</c>s resolve in.</summary>
internal readonly record struct PropertySpec(JsonElement Json, SchemaPackage Package)
{
    private const string TypesPrefix = "#/types/";

    public string? Type => Text("type");
    public string? Ref => Text("$ref");

    /// <summary>The token of a <c>#/types/...</c> reference, else null.</summary>
    public string? TypeToken => Ref is { } reference && reference.StartsWith(TypesPrefix, StringComparison.Ordinal)
        ? reference[TypesPrefix.Length..]
        : null;

    public PropertySpec? Items => Child("items");
    public PropertySpec? AdditionalProperties => Child("additionalProperties");

    public IReadOnlyList<PropertySpec> OneOf
    {
        get
        {
            if (!Json.TryGetProperty("oneOf", out var branches) || branches.ValueKind != JsonValueKind.Array) return [];
            var package = Package;
            return branches.EnumerateArray().Select(b => new PropertySpec(b, package)).ToList();
        }
    }

    public JsonElement? Const => Json.TryGetProperty("const", out var value) ? value : null;

    public IReadOnlyList<string>? EnumValues => Json.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
        ? values.EnumerateArray().Select(LiteralText).ToList()
        : null;

    /// <summary>The text a YAML literal must have to equal a JSON value (enum entries may be <c>{"name", "value"}</c> objects).</summary>
    public static string LiteralText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Object when value.TryGetProperty("value", out var inner) => LiteralText(inner),
        _ => value.GetRawText(),
    };

    /// <summary>Looks a named property up in a JSON object of property specs (case-sensitive, as Pulumi is).</summary>
    public static PropertySpec? Find(JsonElement properties, string name, SchemaPackage package) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var spec) ? new PropertySpec(spec, package) : null;

    private string? Text(string name) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private PropertySpec? Child(string name) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? new PropertySpec(child, Package)
            : null;
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// The committed extract of the AWS API models (<c>Models/aws-api-shapes.json</c>, embedded in this
/// assembly): exactly the shapes of <see cref="AwsApiShapes"/>, as botocore's <c>service-2.json</c>
/// files state them. The repository needs no botocore to use it; a drift test compares it with the
/// installed models.
/// </summary>
public static class AwsApiModel
{
    public const string ResourceName = "Infra.Policies.Cloud.Models.aws-api-shapes.json";

    /// <summary>Where the repository keeps the extract, relative to its root.</summary>
    public const string RepositoryPath = "policies/Cloud/Models/aws-api-shapes.json";

    private static readonly Lazy<(string Origin, IReadOnlyDictionary<ShapeId, ApiShape> Shapes)> Loaded = new(Load);

    /// <summary>Which models the extract was taken from, e.g. <c>botocore 1.29.27</c>.</summary>
    public static string Origin => Loaded.Value.Origin;

    public static IReadOnlyCollection<ApiShape> Shapes => (IReadOnlyCollection<ApiShape>)Loaded.Value.Shapes.Values;

    public static ApiShape Get(ShapeId id) =>
        Loaded.Value.Shapes.TryGetValue(id, out var shape)
            ? shape
            : throw new InvalidOperationException(
                $"The AWS API model extract has no shape {id}. Add it to AwsApiShapes and regenerate {RepositoryPath} (see policies/README.md).");

    /// <summary>The extract's text: one shape per line, sorted, so that diffs review like code.</summary>
    public static string Serialize(string origin, IEnumerable<ApiShape> shapes)
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var text = new StringBuilder();
        text.Append("{\n  \"origin\": ").Append(JsonValue.Create(origin).ToJsonString(options)).Append(",\n  \"shapes\": [\n");
        var lines = shapes
            .OrderBy(s => s.Service, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s =>
            {
                var node = new JsonObject
                {
                    ["service"] = s.Service,
                    ["version"] = s.Version,
                    ["shape"] = s.Name,
                    ["type"] = s.Type,
                };
                if (s.Min is { } min) node["min"] = min;
                if (s.Max is { } max) node["max"] = max;
                if (s.Pattern is { } pattern) node["pattern"] = pattern;
                return "    " + node.ToJsonString(options);
            });
        text.Append(string.Join(",\n", lines)).Append("\n  ]\n}\n");
        return text.ToString();
    }

    /// <summary>Reads an extract's text (the inverse of <see cref="Serialize"/>).</summary>
    public static (string Origin, IReadOnlyList<ApiShape> Shapes) Parse(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var shapes = root["shapes"]!.AsArray().Select(n => n!.AsObject()).Select(o => new ApiShape(
            (string)o["service"]!, (string)o["version"]!, (string)o["shape"]!, (string)o["type"]!,
            (long?)o["min"], (long?)o["max"], (string?)o["pattern"])).ToList();
        return ((string)root["origin"]!, shapes);
    }

    private static (string, IReadOnlyDictionary<ShapeId, ApiShape>) Load()
    {
        using var stream = typeof(AwsApiModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(AwsApiModel).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var (origin, shapes) = Parse(reader.ReadToEnd());
        return (origin, shapes.ToDictionary(s => s.Id));
    }
}

using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Infra.Platform.Configuration;

/// <summary>
/// The one YAML reader of config: stack files (<see cref="ConfigSource.FromStackFile"/>), a value written on its own
/// (a schedule in a test), and the project file. YAML becomes the JSON tree the binder checks, as Pulumi passes
/// config: scalars are strings, lists and mappings keep their structure.
/// </summary>
public static class ConfigYaml
{
    /// <summary>The YAML documents of <paramref name="text"/>; a syntax error says where (YamlDotNet never quotes values).</summary>
    public static IReadOnlyList<YamlDocument> Load(TextReader text, out string? problem)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            problem = $"is not valid YAML: line {e.Start.Line}, column {e.Start.Column}: {e.Message.TrimEnd('.')}.";
            return [];
        }
        problem = null;
        return [.. stream.Documents];
    }

    /// <summary>The value of a one-document YAML or JSON text (JSON is YAML); null with <paramref name="problem"/> when it is not one.</summary>
    public static JsonNode? ParseValue(string text, out string? problem)
    {
        var documents = Load(new StringReader(text), out problem);
        if (problem is not null) return null;
        if (documents.Count > 1)
        {
            problem = $"holds {documents.Count} YAML documents (separated by ---); it is one value.";
            return null;
        }
        return documents.Count == 0 ? null : ToJson(documents[0].RootNode);
    }

    /// <summary>A YAML node as Pulumi config: scalars are strings, structure is kept.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value is null ? null : JsonValue.Create(scalar.Value),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c =>
            KeyValuePair.Create(c.Key is YamlScalarNode { Value: { } name } ? name : $"<key at line {c.Key.Start.Line}, column {c.Key.Start.Column}>",
                ToJson(c.Value)))),
        _ => null,
    };

    /// <summary>How a node is described in messages about a file's layout.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a YAML list",
        YamlScalarNode => "a single YAML value",
        _ => "a YAML mapping",
    };
}

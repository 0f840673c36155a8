using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Infra.Platform.Configuration;

/// <summary>A raw config value as Pulumi stores it: a string, or a structured value; possibly secure.</summary>
public sealed record RawConfigValue(JsonNode? Node, bool IsSecure)
{
    /// <summary>The value as the user wrote it, for error messages (never for secure values).</summary>
    public string Display => IsSecure ? "[secret]" : Node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => Node.ToJsonString(),
    };
}

/// <summary>
/// A stack's config before validation. It comes from <c>PULUMI_CONFIG</c> when Pulumi runs the
/// compiler (secrets arrive decrypted, so only keys, never their values, are used for secrets), or
/// from <c>Pulumi.&lt;stack&gt;.yaml</c> when a person runs <c>infra</c>.
/// </summary>
public sealed class ConfigSource
{
    public IReadOnlyDictionary<string, RawConfigValue> Values { get; }

    /// <summary>Where the values came from, for messages: <c>Pulumi.laptop.yaml</c> or <c>PULUMI_CONFIG</c>.</summary>
    public string Origin { get; }

    public ConfigSource(IReadOnlyDictionary<string, RawConfigValue> values, string origin)
    {
        Values = values;
        Origin = origin;
    }

    public static ConfigSource Empty(string origin) => new(new Dictionary<string, RawConfigValue>(), origin);

    /// <summary>Parses the <c>PULUMI_CONFIG</c> JSON object Pulumi hands to the compiler.</summary>
    public static ConfigSource FromPulumiConfigJson(string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject
                ?? throw new FormatException("PULUMI_CONFIG must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"PULUMI_CONFIG is not valid JSON: {e.Message}");
        }
        var values = new Dictionary<string, RawConfigValue>(StringComparer.Ordinal);
        foreach (var (key, node) in root) values[key] = new RawConfigValue(node?.DeepClone(), false);
        return new ConfigSource(values, "PULUMI_CONFIG");
    }

    /// <summary>Reads the <c>config:</c> section of a stack settings file.</summary>
    public static ConfigSource FromStackFile(string path)
    {
        var origin = Path.GetFileName(path);
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"{origin} is not valid YAML (line {e.Start.Line}): {e.Message}");
        }
        var values = new Dictionary<string, RawConfigValue>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return new ConfigSource(values, origin);
        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode)) return new ConfigSource(values, origin);
        if (configNode is not YamlMappingNode config)
            throw new FormatException($"{origin}: 'config' must be a mapping of keys to values.");
        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var secure = valueNode is YamlMappingNode m && m.Children.Count == 1 &&
                         m.Children.ContainsKey(new YamlScalarNode("secure"));
            values[key] = new RawConfigValue(secure ? null : ToJson(valueNode), secure);
        }
        return new ConfigSource(values, origin);
    }

    // Pulumi config scalars are strings; structure (lists, objects) is kept.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value is null ? null : JsonValue.Create(scalar.Value),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        _ => null,
    };
}

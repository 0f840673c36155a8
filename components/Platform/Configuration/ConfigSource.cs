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

    /// <summary>The top-level settings of a stack file (Pulumi's ProjectStack); anything else is a mistake.</summary>
    public static readonly IReadOnlyList<string> StackFileSettings = ["config", "environment", "secretsprovider", "encryptedkey", "encryptionsalt"];

    /// <summary>
    /// Parses the <c>PULUMI_CONFIG</c> JSON object Pulumi hands to the compiler. Values are decrypted secrets
    /// for all this code knows, so no error quotes them.
    /// </summary>
    public static ConfigSource FromPulumiConfigJson(string json)
    {
        const string origin = "PULUMI_CONFIG";
        static ConfigError Error(string key, string problem) => new(key, null, problem, null) { Fix = ConfigFix.PulumiConfig };
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ConfigSourceException([Error(origin,
                $"is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}).")]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ConfigSourceException([Error(origin, $"is a JSON {Describe(document.RootElement.ValueKind)}, not an object of config keys.")]);
            var values = new Dictionary<string, RawConfigValue>(StringComparer.Ordinal);
            var errors = new List<ConfigError>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (values.ContainsKey(property.Name))
                {
                    if (!errors.Any(e => e.Key == property.Name))
                        errors.Add(Error(property.Name, "is given more than once; Pulumi passes each key once."));
                    continue;
                }
                var node = StrictJson.TryParse(property.Value.GetRawText(), out var problem);
                if (problem is not null) errors.Add(Error(property.Name, problem + "."));
                values[property.Name] = new RawConfigValue(node, false);
            }
            if (errors.Count > 0) throw new ConfigSourceException(errors);
            return new ConfigSource(values, origin);
        }
    }

    /// <summary>Reads the <c>config:</c> section of a stack settings file; a file Pulumi would not read is an error.</summary>
    public static ConfigSource FromStackFile(string path)
    {
        var origin = Path.GetFileName(path);
        ConfigError Error(string key, string problem, string? allowed = null) =>
            new(key, null, problem, allowed) { Fix = ConfigFix.EditStackFile };
        IReadOnlyList<YamlDocument> documents;
        string? syntax;
        using (var reader = new StreamReader(path)) documents = ConfigYaml.Load(reader, out syntax);
        if (syntax is not null) throw new ConfigSourceException([Error(origin, syntax)]);
        var values = new Dictionary<string, RawConfigValue>(StringComparer.Ordinal);
        if (documents.Count > 1)
            throw new ConfigSourceException([Error(origin, $"holds {documents.Count} YAML documents (separated by ---); a stack file is one.")]);
        if (documents.Count == 0 || documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return new ConfigSource(values, origin);
        if (documents[0].RootNode is not YamlMappingNode root)
            throw new ConfigSourceException([Error(origin,
                $"is {ConfigYaml.Describe(documents[0].RootNode)}, but a stack file is a mapping with a `config:` section.")]);

        var errors = new List<ConfigError>();
        YamlNode? configNode = null;
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value;
            if (name == "config") configNode = valueNode;
            else if (name is null) errors.Add(Error($"{origin} line {keyNode.Start.Line}", "is a key that is a list or object; keys are names."));
            else if (!StackFileSettings.Contains(name)) errors.Add(TopLevelKey(name));
        }
        if (configNode is YamlMappingNode config)
        {
            foreach (var (keyNode, valueNode) in config.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
                {
                    errors.Add(Error($"{origin} line {keyNode.Start.Line}", "is a config key that is not a plain name.", "names such as infra:tier"));
                    continue;
                }
                var secure = valueNode is YamlMappingNode m && m.Children.Count == 1 &&
                             m.Children.ContainsKey(new YamlScalarNode("secure"));
                values[key] = new RawConfigValue(secure ? null : ConfigYaml.ToJson(valueNode), secure);
            }
        }
        else if (configNode is not null and not YamlScalarNode { Value: null or "" })
        {
            errors.Add(Error($"{origin}: config", $"is {ConfigYaml.Describe(configNode)}, not a mapping of keys to values.",
                "a mapping such as `config: {infra:tier: laptop}`"));
        }
        if (errors.Count > 0) throw new ConfigSourceException(errors);
        return new ConfigSource(values, origin);

        ConfigError TopLevelKey(string name)
        {
            if (name.Contains(':'))
                return Error(name, $"is a config key at the top level of {origin}, where Pulumi does not read it: move it under `config:`.");
            var suggestion = DidYouMean.Suggest(name, StackFileSettings);
            return Error(name, suggestion is null
                    ? "is not a setting of a stack file."
                    : $"is not a setting of a stack file. Did you mean {suggestion}?",
                $"{string.Join(", ", StackFileSettings)}; config keys go under `config:`");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "list",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}

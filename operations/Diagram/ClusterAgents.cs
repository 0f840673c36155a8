using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diagram;

/// <summary>
/// What a launch template's cloud-init user-data runs, read from the agent configuration it writes
/// (<c>/etc/consul.d/*.json</c>, <c>/etc/nomad.d/*.json</c>): Consul and Nomad servers or clients, and the
/// Nomad node class, which Nomad jobs name in their placement constraints.
/// </summary>
public sealed record ClusterAgents(IReadOnlyList<string> Roles, string? NodeClass)
{
    private static readonly ClusterAgents None = new([], null);

    public static ClusterAgents Of(YamlNode? userData)
    {
        if (CloudConfigText(userData) is not { } text || !text.StartsWith("#cloud-config", StringComparison.Ordinal)) return None;
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map) return None;
            root = map;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return None;  // not ours to judge here; the cloud-init tests validate it
        }
        string? consul = null, nomad = null, nodeClass = null;
        if (!root.Children.TryGetValue(new YamlScalarNode("write_files"), out var files) || files is not YamlSequenceNode list) return None;
        foreach (var file in list.Children.OfType<YamlMappingNode>())
        {
            var path = Text(file, "path") ?? "";
            if (Json(Text(file, "content")) is not { } json) continue;
            using (json)
            {
                var config = json.RootElement;
                if (path.StartsWith("/etc/consul.d/", StringComparison.Ordinal))
                {
                    consul = config.TryGetProperty("server", out var server) && server.ValueKind == JsonValueKind.True ? "Consul server" : "Consul client";
                }
                else if (path.StartsWith("/etc/nomad.d/", StringComparison.Ordinal))
                {
                    if (Enabled(config, "server")) nomad = "Nomad server";
                    if (Enabled(config, "client"))
                    {
                        nodeClass = config.GetProperty("client").TryGetProperty("node_class", out var named) && named.ValueKind == JsonValueKind.String
                            ? named.GetString()
                            : null;
                        nomad = nomad is null ? "Nomad client" : nomad + " and client";
                        if (nodeClass is not null) nomad += $" (class {nodeClass})";
                    }
                }
            }
        }
        return new ClusterAgents([.. new[] { consul, nomad }.OfType<string>()], nodeClass);
    }

    private static bool Enabled(JsonElement config, string block) =>
        config.TryGetProperty(block, out var section) && section.ValueKind == JsonValueKind.Object
        && section.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.True;

    /// <summary>The user-data text: a plain string or the string inside <c>fn::toBase64</c>.</summary>
    private static string? CloudConfigText(YamlNode? node) => node switch
    {
        YamlScalarNode { Value: { } value } => value,
        YamlMappingNode map when map.Children.Count == 1 && map.Children.First().Value is YamlScalarNode { Value: { } inner }
                                 && ((YamlScalarNode)map.Children.First().Key).Value is "fn::toBase64" or "fn::secret" => inner,
        _ => null,
    };

    private static JsonDocument? Json(string? text)
    {
        if (text is null || !text.TrimStart().StartsWith('{')) return null;
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } ? text : null;
}

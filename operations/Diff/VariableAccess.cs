using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>
/// Decides whether <c>${variable.path}</c> reads a different value in the head program than in the base:
/// literal variables are followed along the path (so <c>${zones[0]}</c> is unchanged when a zone is appended),
/// anything computed (<c>fn::invoke</c>...) counts as changed when its definition changed.
/// </summary>
public static partial class VariableAccess
{
    [GeneratedRegex("""\.([^.\[]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]""")]
    private static partial Regex Segment();

    public static bool Differs(YamlNode? before, YamlNode? after, string accessor)
    {
        if (ValueText.Canonical(before) == ValueText.Canonical(after)) return false;
        var old = Follow(before, accessor, out var oldResolved);
        var now = Follow(after, accessor, out var newResolved);
        if (!oldResolved || !newResolved) return true;
        return ValueText.Canonical(old) != ValueText.Canonical(now);
    }

    private static YamlNode? Follow(YamlNode? node, string accessor, out bool resolved)
    {
        resolved = true;
        foreach (Match segment in Segment().Matches(accessor))
        {
            if (node is YamlMappingNode map && map.Children.Keys.Any(key => ValueText.KeyText(key).StartsWith("fn::", StringComparison.Ordinal)))
            {
                resolved = false;  // computed at deployment: the path cannot be followed offline
                return null;
            }
            if (segment.Groups[1].Success || segment.Groups[3].Success)
            {
                var key = segment.Groups[1].Success ? segment.Groups[1].Value : JsonSerializer.Deserialize(segment.Groups[3].Value, DiffJson.Default.String)!;
                node = node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
            }
            else
            {
                var index = int.Parse(segment.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                node = node is YamlSequenceNode list && index < list.Children.Count ? list.Children[index] : null;
            }
            if (node is null) return null;
        }
        if (node is YamlMappingNode computed && computed.Children.Keys.Any(key => ValueText.KeyText(key).StartsWith("fn::", StringComparison.Ordinal)))
        {
            resolved = false;
        }
        return node;
    }
}

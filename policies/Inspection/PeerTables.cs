using Infra.Platform.Provisioning;
using YamlDotNet.RepresentationModel;

namespace Infra.Policies.Inspection;

/// <summary>
/// The fleet peer table inside decoded cloud-config user-data: the content of the <c>write_files</c>
/// entry at <see cref="PeerTable.Path"/>. A fleet's launch template carries it; each server reads its
/// own row (and so its Services) from it at boot.
/// </summary>
public static class PeerTables
{
    /// <summary>The table's rows, or null when the user-data writes no peer table (or is not cloud-config).</summary>
    public static IReadOnlyList<PeerTableRow>? Find(string userData)
    {
        // Cheap test first: most user-data (bastion, other tiers) has no table.
        if (!userData.StartsWith(CloudInitUserData.Header, StringComparison.Ordinal) || !userData.Contains(PeerTable.Path, StringComparison.Ordinal))
            return null;
        var stream = new YamlStream();
        try { stream.Load(new StringReader(userData)); }
        catch (YamlDotNet.Core.YamlException) { return null; }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return null;
        if (!root.Children.TryGetValue(new YamlScalarNode("write_files"), out var files) || files is not YamlSequenceNode list) return null;
        foreach (var file in list.OfType<YamlMappingNode>())
        {
            if (file.Children.TryGetValue(new YamlScalarNode("path"), out var path) && path is YamlScalarNode { Value: PeerTable.Path } &&
                file.Children.TryGetValue(new YamlScalarNode("content"), out var content) && content is YamlScalarNode { Value: { } text })
                return PeerTable.Parse(text);
        }
        return null;
    }
}

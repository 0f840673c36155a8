using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Operations;

/// <summary>Reads the project's name from <c>Pulumi.yaml</c>: the second part of every URN.</summary>
public static class PulumiProject
{
    /// <summary>The <c>name</c> in <c>Pulumi.yaml</c>; null when the file or the key is missing or unreadable.</summary>
    public static string? Name(string projectRoot)
    {
        var path = Path.Combine(projectRoot, "Pulumi.yaml");
        if (!File.Exists(path)) return null;
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException)
        {
            return null;
        }
        return stream.Documents.Count > 0
               && stream.Documents[0].RootNode is YamlMappingNode root
               && root.Children.TryGetValue(new YamlScalarNode("name"), out var name)
               && name is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : null;
    }
}

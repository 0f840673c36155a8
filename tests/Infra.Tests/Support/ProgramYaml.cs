using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Support;

/// <summary>Reads an emitted program back with a YAML parser, to assert on structure rather than text.</summary>
public static class ProgramYaml
{
    public static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlNode At(this YamlNode node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step switch
            {
                string key => ((YamlMappingNode)node).Children[new YamlScalarNode(key)],
                int index => ((YamlSequenceNode)node).Children[index],
                _ => throw new ArgumentException($"bad path step {step}"),
            };
        }
        return node;
    }

    public static string Text(this YamlNode node) => ((YamlScalarNode)node).Value!;

    public static bool Has(this YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));
}

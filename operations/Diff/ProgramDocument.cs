using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>The sections of a parsed Pulumi YAML program that a diff compares.</summary>
public sealed class ProgramDocument
{
    private static readonly string[] KnownSections = ["resources", "config", "variables", "outputs"];

    public required IReadOnlyDictionary<string, YamlMappingNode> Resources { get; init; }
    public required YamlMappingNode Config { get; init; }
    public required YamlMappingNode Variables { get; init; }
    public required YamlMappingNode Outputs { get; init; }

    /// <summary>Everything else at the top level (name, runtime, description...).</summary>
    public required YamlMappingNode Settings { get; init; }

    /// <param name="side">"base" or "head": named in error messages.</param>
    public static ProgramDocument Parse(string yaml, string side)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException error)
        {
            throw new ProgramParseException(
                $"The {side} program is not valid YAML at line {error.Start.Line}, column {error.Start.Column}: {error.Message}", error);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return Empty();  // a tier that does not exist on one side yet
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ProgramParseException(
                $"The {side} program must be a YAML mapping with 'resources', 'outputs'... at the top level, found a {stream.Documents[0].RootNode.NodeType}.");
        }

        var resources = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (var (key, value) in Section(root, "resources", side).Children)
        {
            var name = ValueText.KeyText(key);
            resources[name] = value as YamlMappingNode ?? throw new ProgramParseException(
                $"The {side} program's resource '{name}' (line {value.Start.Line}) must be a mapping with 'type' and 'properties'.");
        }

        var settings = new YamlMappingNode();
        foreach (var (key, value) in root.Children)
        {
            if (!KnownSections.Contains(ValueText.KeyText(key))) settings.Add(key, value);
        }

        return new ProgramDocument
        {
            Resources = resources,
            Config = Section(root, "config", side),
            Variables = Section(root, "variables", side),
            Outputs = Section(root, "outputs", side),
            Settings = settings,
        };
    }

    private static ProgramDocument Empty() => new()
    {
        Resources = new Dictionary<string, YamlMappingNode>(),
        Config = new YamlMappingNode(),
        Variables = new YamlMappingNode(),
        Outputs = new YamlMappingNode(),
        Settings = new YamlMappingNode(),
    };

    private static YamlMappingNode Section(YamlMappingNode root, string name, string side)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(name), out var node)) return new YamlMappingNode();
        return node switch
        {
            YamlMappingNode map => map,
            YamlScalarNode { Value: null or "" } => new YamlMappingNode(),
            _ => throw new ProgramParseException(
                $"The {side} program's '{name}' section (line {node.Start.Line}) must be a mapping of names to entries."),
        };
    }

    public static string TypeOf(YamlMappingNode resource) =>
        resource.Children.TryGetValue(new YamlScalarNode("type"), out var type) && type is YamlScalarNode scalar
            ? scalar.Value ?? ""
            : "";
}

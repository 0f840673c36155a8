using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Operations;

/// <summary>
/// Reads a stack's settings file <c>Pulumi.STACK.yaml</c> directly, so that the scheduler and the destroy
/// guard work without the Pulumi CLI and without credentials. Secret values stay encrypted: only plain keys are read.
/// </summary>
public sealed class StackConfigFile
{
    private readonly YamlMappingNode config;

    private StackConfigFile(string path, YamlMappingNode config)
    {
        Path = path;
        this.config = config;
    }

    public string Path { get; }

    public bool Exists => File.Exists(Path);

    /// <summary>Loads <c>Pulumi.STACK.yaml</c> from the project root; a missing file reads as an empty config.</summary>
    public static StackConfigFile Load(string projectRoot, string stack)
    {
        // The name becomes a file name: "../x" or "a b" must never pick some other file.
        if (Infra.Platform.StackName.Problem(stack) is { } problem)
            throw new InvalidDataException(
                $"stack name '{Infra.Platform.StackName.Printable(stack)}' {problem}. {Infra.Platform.StackName.Rule}.");
        stack = Infra.Platform.StackName.Short(stack);
        var path = System.IO.Path.Combine(projectRoot, $"Pulumi.{stack}.yaml");
        if (!File.Exists(path)) return new StackConfigFile(path, new YamlMappingNode());

        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException error)
        {
            throw new InvalidDataException($"{path}: not valid YAML at line {error.Start.Line}: {error.Message}", error);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("config"), out var section))
        {
            return new StackConfigFile(path, new YamlMappingNode());
        }
        return new StackConfigFile(path, section as YamlMappingNode
            ?? throw new InvalidDataException($"{path}: 'config' must be a mapping of keys such as infra:tier to values."));
    }

    public YamlNode? Get(string key) =>
        config.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? GetString(string key) => Get(key) is YamlScalarNode { Value: { } value } ? value : null;
}

using Infra.Stacks;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>
/// Synthesizes the dc9 tier in a throw-away project: the repository's Pulumi.yaml plus a stack file
/// built from <c>dc9-example.yaml</c> (fixed example values, independent of the editable Pulumi.dc9.yaml)
/// with per-test changes.
/// </summary>
internal static class Dc9Synth
{
    public static string RepoRoot => RepoPaths.Root;

    public static string ExampleConfig => File.ReadAllText(Path.Combine(RepoRoot, "tests", "Infra.Tests", "Dc9", "dc9-example.yaml"));

    public static string Yaml(string? stackYaml = null, string stack = "dc9")
    {
        using var project = new TempProject((stack, stackYaml ?? ExampleConfig));
        return StackSynthesizer.Synthesize(new ProjectDirectory(project.Root), stack, null).ToYaml();
    }

    /// <summary>The example config with one key replaced, added (value non-null) or removed (value null).</summary>
    public static string With(string key, string? value)
    {
        var lines = ExampleConfig.Split('\n').ToList();
        var index = lines.FindIndex(l => l.StartsWith($"  infra:{key}:", StringComparison.Ordinal));
        if (index >= 0)
        {
            lines.RemoveAt(index);
            while (index < lines.Count && lines[index].StartsWith("    ", StringComparison.Ordinal)) lines.RemoveAt(index);
        }
        if (value is not null) lines.Insert(index >= 0 ? index : lines.Count - 1, $"  infra:{key}: {value}");
        return string.Join('\n', lines);
    }

    /// <summary>
    /// The config as a production stack: environment production and no placeholder (an example domain or
    /// host, a documentation range), which production refuses. The values are made up, not deployed.
    /// </summary>
    public static string Production(string? yaml = null) => (yaml ?? ExampleConfig)
        .Replace("infra:environment: dev", "infra:environment: production")
        .Replace("dev.example.com", "platform.acme-widgets.io")
        .Replace("releases.example.com", "releases.acme-widgets.io")
        .Replace("otel.example.com", "otel.acme-widgets.io")
        .Replace("203.0.113.0/24", "100.64.10.0/24");

    public static YamlMappingNode Parse(string yaml) => ProgramYaml.Parse(yaml);
}

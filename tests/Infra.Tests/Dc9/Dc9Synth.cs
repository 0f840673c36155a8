using Infra.Stacks;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>
/// Synthesizes the dc9 tier in a throw-away project: the repository's Pulumi.yaml plus a stack file
/// built from <c>dc9-example.yaml</c> with per-test changes.
/// </summary>
internal static class Dc9Synth
{
    public static string RepoRoot { get; } = FindRoot();

    public static string ExampleConfig => File.ReadAllText(Path.Combine(RepoRoot, "tests", "Infra.Tests", "Dc9", "dc9-example.yaml"));

    public static string Yaml(string? stackYaml = null, string stack = "dc9")
    {
        var root = Directory.CreateTempSubdirectory("infra-dc9-").FullName;
        try
        {
            File.Copy(Path.Combine(RepoRoot, "Pulumi.yaml"), Path.Combine(root, "Pulumi.yaml"));
            File.WriteAllText(Path.Combine(root, $"Pulumi.{stack}.yaml"), stackYaml ?? ExampleConfig);
            return StackSynthesizer.Synthesize(new ProjectDirectory(root), stack, null).ToYaml();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
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

    public static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Infra.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (no Infra.sln above the test assembly).");
    }
}

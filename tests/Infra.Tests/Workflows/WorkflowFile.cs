using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Workflows;

/// <summary>One step of a workflow job, as GitHub reads it.</summary>
public sealed record WorkflowStep(
    string Workflow,
    string Job,
    string? Name,
    string? Id,
    string? Uses,
    string? UsesComment,
    string? Run,
    string? If,
    IReadOnlyDictionary<string, string> With,
    IReadOnlyDictionary<string, string> Env)
{
    public string Label => $"{Workflow} / {Job} / {Name ?? Id ?? Uses ?? "step"}";
}

/// <summary>A workflow file read with YamlDotNet: its jobs, their steps and the env each step sees.</summary>
public sealed class WorkflowFile
{
    private WorkflowFile(string name, YamlMappingNode root, string text)
    {
        Name = name;
        Root = root;
        Text = text;
    }

    public string Name { get; }

    public YamlMappingNode Root { get; }

    public string Text { get; }

    public static string Folder => Path.Combine(Support.RepoPaths.Root, ".github", "workflows");

    public static IReadOnlyList<WorkflowFile> All() =>
        Directory.GetFiles(Folder, "*.yml").Order(StringComparer.Ordinal).Select(Load).ToList();

    public static WorkflowFile Named(string file) => Load(Path.Combine(Folder, file));

    private static WorkflowFile Load(string path)
    {
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new WorkflowFile(Path.GetFileName(path), (YamlMappingNode)stream.Documents[0].RootNode, text);
    }

    public YamlMappingNode Jobs => (YamlMappingNode)Root["jobs"];

    public YamlMappingNode Job(string id) => (YamlMappingNode)Jobs[id];

    public IEnumerable<string> JobIds => Jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public IReadOnlyList<WorkflowStep> Steps(string jobId)
    {
        var job = Job(jobId);
        var inherited = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in Map(Root, "env")) inherited[k] = v;
        foreach (var (k, v) in Map(job, "env")) inherited[k] = v;
        var steps = new List<WorkflowStep>();
        foreach (var node in ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>())
        {
            var env = new Dictionary<string, string>(inherited, StringComparer.Ordinal);
            foreach (var (k, v) in Map(node, "env")) env[k] = v;
            var uses = Scalar(node, "uses");
            steps.Add(new WorkflowStep(Name, jobId, Scalar(node, "name"), Scalar(node, "id"), uses, uses is null ? null : CommentAfter(uses),
                Scalar(node, "run"), Scalar(node, "if"), Map(node, "with"), env));
        }
        return steps;
    }

    public IEnumerable<WorkflowStep> AllSteps() => JobIds.SelectMany(Steps);

    public WorkflowStep Step(string jobId, string id) =>
        Steps(jobId).SingleOrDefault(s => s.Id == id) ?? throw new InvalidOperationException($"{Name}: job {jobId} has no step with id {id}.");

    /// <summary>The comment on the line of a <c>uses:</c> (YAML drops comments, so it is read from the text).</summary>
    private string? CommentAfter(string uses)
    {
        foreach (var line in Text.Split('\n'))
        {
            var at = line.IndexOf("uses: " + uses, StringComparison.Ordinal);
            if (at < 0) continue;
            var hash = line.IndexOf(" # ", at, StringComparison.Ordinal);
            return hash < 0 ? null : line[(hash + 3)..].Trim();
        }
        return null;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value : null;

    private static Dictionary<string, string> Map(YamlMappingNode node, string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlMappingNode map)
            foreach (var (k, v) in map.Children) result[((YamlScalarNode)k).Value!] = (v as YamlScalarNode)?.Value ?? "";
        return result;
    }
}

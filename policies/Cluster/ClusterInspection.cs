using System.Text.Json.Nodes;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cluster;

/// <summary>
/// What the cluster policies read: Nomad jobs (their API JSON, with references left as <c>${...}</c> text inside
/// strings), the Consul and Nomad agent configuration that launch templates write through cloud-init, and the
/// images of Kubernetes workloads.
/// </summary>
public static class ClusterInspection
{
    public const string NomadJob = "nomad:index/job:Job";

    public static readonly IReadOnlyList<string> KubernetesWorkloads =
        ["kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:DaemonSet"];

    /// <summary>Each Nomad job with its parsed spec (the bare job, unwrapped from {"Job": ...}); null when the spec is not JSON.</summary>
    public static IEnumerable<(Resource Resource, JsonObject? Job)> NomadJobs(Blueprint blueprint) => Jobs.Get(blueprint);

    // Parsed once per program: several rules read the same jobs and user-data.
    private static readonly ProgramMemo<IReadOnlyList<(Resource, JsonObject?)>> Jobs = new(blueprint => ReadNomadJobs(blueprint).ToList());
    private static readonly ProgramMemo<IReadOnlyList<AgentConfig>> Agents = new(blueprint => ReadAgentConfigs(blueprint).ToList());

    private static IEnumerable<(Resource Resource, JsonObject? Job)> ReadNomadJobs(Blueprint blueprint)
    {
        foreach (var resource in blueprint.Resources.Where(r => r.Type == NomadJob))
        {
            JsonObject? job = null;
            try
            {
                var node = JsonNode.Parse(Props.Text(Props.Get(resource, "jobspec")))?.AsObject();
                job = node?["Job"] as JsonObject ?? node;
            }
            catch (System.Text.Json.JsonException) { }
            yield return (resource, job);
        }
    }

    /// <summary>Every task of a job with the constraints that bind it (the job's and its group's).</summary>
    public static IEnumerable<(string Group, JsonObject Task, IReadOnlyList<JsonObject> Constraints)> Tasks(JsonObject job)
    {
        var jobConstraints = Objects(job["Constraints"]);
        foreach (var group in Objects(job["TaskGroups"]))
        {
            var constraints = jobConstraints.Concat(Objects(group["Constraints"])).ToList();
            foreach (var task in Objects(group["Tasks"]))
                yield return ((string?)group["Name"] ?? "", task, constraints.Concat(Objects(task["Constraints"])).ToList());
        }
    }

    /// <summary>An agent configuration file written by a launch template's cloud-init: its path and JSON.</summary>
    public sealed record AgentConfig(Resource Template, string Path, JsonObject Config)
    {
        public bool IsConsul => Path.StartsWith("/etc/consul.d/", StringComparison.Ordinal);
        public bool IsNomad => Path.StartsWith("/etc/nomad.d/", StringComparison.Ordinal);
    }

    public static IEnumerable<AgentConfig> AgentConfigs(Blueprint blueprint) => Agents.Get(blueprint);

    private static IEnumerable<AgentConfig> ReadAgentConfigs(Blueprint blueprint)
    {
        // Templates of the same class often carry the same user-data: each distinct text is read once.
        var filesByText = new Dictionary<string, IReadOnlyList<CloudConfigFiles.WrittenFile>?>(StringComparer.Ordinal);
        foreach (var resource in blueprint.Resources.Where(r => Tokens.IsServer(r.Type)))
        {
            var text = UserData.Text(resource);
            if (text is null || !text.StartsWith("#cloud-config", StringComparison.Ordinal)) continue;
            if (!filesByText.TryGetValue(text, out var files)) filesByText[text] = files = CloudConfigFiles.Read(text);
            foreach (var file in files ?? [])
            {
                var path = file.Path;
                if (!(path.StartsWith("/etc/consul.d/", StringComparison.Ordinal) || path.StartsWith("/etc/nomad.d/", StringComparison.Ordinal))
                    || !(path.EndsWith(".json", StringComparison.Ordinal) || path.EndsWith(".json.tmpl", StringComparison.Ordinal))) continue;
                JsonObject? config = null;
                try { config = JsonNode.Parse(file.Content) as JsonObject; }
                catch (System.Text.Json.JsonException) { }
                if (config is not null) yield return new AgentConfig(resource, path, config);
            }
        }
    }

    /// <summary>The images of every container of a Kubernetes workload's pod template (and init containers).</summary>
    public static IEnumerable<(string Container, string Image)> KubernetesImages(Resource workload) =>
        new[] { "spec.template.spec.containers", "spec.template.spec.initContainers" }
            .SelectMany(path => Props.List(workload, path))
            .Select(c => (Props.String(Props.Get(c, "name")) ?? "?", Props.Text(Props.Get(c, "image"))));

    public static IReadOnlyList<JsonObject> Objects(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    public static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}

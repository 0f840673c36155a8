using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Software.Nomad;

/// <summary>
/// Pieces of a Nomad job in API JSON form (what the nomad provider's Job takes with <c>json: true</c>): exact key
/// case, durations as integer nanoseconds. The jobs are checked against Nomad's own schema by the tests.
/// </summary>
public static class NomadJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>A duration as Nomad's API reads it: integer nanoseconds.</summary>
    public static long Ns(TimeSpan duration) => duration.Ticks * 100;

    /// <summary>The job wrapped as the API's register request ({"Job": ...}), indented for reading in diffs.</summary>
    public static string Render(JsonObject job) => new JsonObject { ["Job"] = job }.ToJsonString(Indented);

    public static JsonArray Array(params JsonNode?[] items) => new(items);

    public static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    public static JsonObject Constraint(string left, string operand, string right) =>
        new() { ["LTarget"] = left, ["Operand"] = operand, ["RTarget"] = right };

    /// <summary>No two allocations of the job on one node (a failed host takes one member).</summary>
    public static JsonObject DistinctHosts() => new() { ["Operand"] = "distinct_hosts", ["RTarget"] = "true" };

    public static JsonObject OnNodeClass(NodeClass nodeClass) => Constraint("${node.class}", "=", nodeClass.Name());

    /// <summary>Restart in place a few times, then wait: a crash loop backs off instead of hammering the host.</summary>
    public static JsonObject Restart() => new()
    {
        ["Attempts"] = 3, ["Interval"] = Ns(TimeSpan.FromMinutes(5)), ["Delay"] = Ns(TimeSpan.FromSeconds(15)), ["Mode"] = "delay",
    };

    /// <summary>Move to another node after restarts fail, with exponential back-off and no give-up.</summary>
    public static JsonObject Reschedule() => new()
    {
        ["Delay"] = Ns(TimeSpan.FromSeconds(30)), ["DelayFunction"] = "exponential", ["MaxDelay"] = Ns(TimeSpan.FromHours(1)), ["Unlimited"] = true,
    };

    /// <summary>One allocation at a time, healthy by its checks, rolled back when it never gets healthy.</summary>
    public static JsonObject Update() => new()
    {
        ["MaxParallel"] = 1, ["HealthCheck"] = "checks", ["MinHealthyTime"] = Ns(TimeSpan.FromSeconds(30)),
        ["HealthyDeadline"] = Ns(TimeSpan.FromMinutes(10)), ["ProgressDeadline"] = Ns(TimeSpan.FromMinutes(15)), ["AutoRevert"] = true,
    };

    public static JsonObject TcpCheck(string name, string portLabel) => new()
    {
        ["Name"] = name, ["Type"] = "tcp", ["PortLabel"] = portLabel,
        ["Interval"] = Ns(TimeSpan.FromSeconds(10)), ["Timeout"] = Ns(TimeSpan.FromSeconds(2)),
    };

    public static JsonObject HttpCheck(string name, string portLabel, string path) => new()
    {
        ["Name"] = name, ["Type"] = "http", ["PortLabel"] = portLabel, ["Path"] = path,
        ["Interval"] = Ns(TimeSpan.FromSeconds(10)), ["Timeout"] = Ns(TimeSpan.FromSeconds(2)),
    };

    public static JsonObject HostNetwork(params (string Label, int Port)[] ports) => new()
    {
        ["Mode"] = "host",
        ["ReservedPorts"] = new JsonArray(ports.Select(p => (JsonNode?)new JsonObject { ["Label"] = p.Label, ["Value"] = p.Port }).ToArray()),
    };

    public static JsonObject Resources(int cpuMhz, int memoryMb) => new() { ["CPU"] = cpuMhz, ["MemoryMB"] = memoryMb };

    /// <summary>A file the task gets from a Nomad template (rendered on the client, from Nomad variables or Consul).</summary>
    public static JsonObject Template(string destination, string template, string changeMode = "restart", string perms = "0400") => new()
    {
        ["DestPath"] = destination, ["EmbeddedTmpl"] = template, ["ChangeMode"] = changeMode, ["Perms"] = perms,
    };

    /// <summary>The Nomad variable path a job's tasks may read without any policy (Nomad's workload identity default).</summary>
    public static string JobVariablePath(string jobId) => $"nomad/jobs/{jobId}";

    /// <summary>A Nomad template expression reading one item of the job's variable.</summary>
    public static string VariableItem(string jobId, string item) =>
        $"{{{{ with nomadVar \"{JobVariablePath(jobId)}\" }}}}{{{{ .{item} }}}}{{{{ end }}}}";
}

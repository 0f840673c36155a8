using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Infra.Software.Nomad;
using static Infra.Software.Nomad.NomadJson;

namespace Infra.Nats;

/// <summary>
/// A region's NATS cluster as one Nomad job on the worker class: one task group of N allocations on distinct hosts,
/// host networking with static ports (clients, routes, gateways, monitoring), the docker driver running the pinned
/// image. A group, not a group per server: Nomad's rolling update (one allocation at a time, healthy before the next)
/// applies within a group, and an allocation keeps its index when it is replaced, so index i is always server i.
/// <list type="bullet">
/// <item>The configuration: the generator's file of each server, chosen by the allocation's index in a Nomad
/// template (the text is the generator's, byte for byte);</item>
/// <item>the secrets (the two passwords, the server certificate and key, the CA) come from the job's Nomad variable,
/// which the program writes: files in the task's secrets directory and the password variables, never the job text;</item>
/// <item>JetStream's store is on the allocation's sticky ephemeral disk: a restarted or updated server keeps its data
/// on its host (Nomad prefers the same node and migrates the data otherwise);</item>
/// <item>stopping is a lame duck: the kill signal is SIGUSR2, and the kill timeout outlasts the lame-duck duration.</item>
/// </list>
/// </summary>
public static class NatsNomadJob
{
    public const string JobId = "nats", GroupName = "nats", ServiceName = "nats";
    public const string AppPasswordItem = "app_password", SystemPasswordItem = "sys_password", CertItem = "cert", KeyItem = "key", CaItem = "ca";
    public const string ConfigFile = "local/nats.conf";
    public const string ListenAddress = "0.0.0.0";

    /// <summary>Where the task finds its certificate files (the docker driver mounts the task's secrets directory at /secrets).</summary>
    public static readonly NatsTlsFiles Tls = new("/secrets/tls/server.pem", "/secrets/tls/server-key.pem", "/secrets/tls/ca.pem");

    /// <summary>The allocation's data directory (mounted at /alloc), on its sticky ephemeral disk.</summary>
    public const string StoreDirectory = "/alloc/data/jetstream";

    /// <summary>The name of server <paramref name="index"/> of a region (Nomad's allocation index, from 0).</summary>
    public static string ServerName(string region, int index) => $"{region}-nats-{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The servers of a region as the generator takes them: named by index, listening on every interface of their host.</summary>
    public static IReadOnlyList<NatsServerSpec> Servers(string region, int count) =>
        Enumerable.Range(0, count).Select(i => new NatsServerSpec(ServerName(region, i), ListenAddress)).ToList();

    public static JsonObject Build(string region, string datacenter, NatsSuperClusterSpec spec, NatsSuperCluster cluster, NodeClass nodeClass)
    {
        var regionSpec = spec.Regions.Single(r => r.Name == region);
        var configs = regionSpec.Servers.Select((s, i) => (Index: i, Config: cluster.Server(s.Name))).ToList();
        var ports = regionSpec.Servers[0].Ports;
        // Long enough for the whole lame duck, then a little: nats-server exits on its own when it is over.
        var killTimeout = spec.LameDuck.Duration + TimeSpan.FromSeconds(15);
        return new JsonObject
        {
            ["ID"] = JobId,
            ["Name"] = JobId,
            ["Region"] = region,
            ["Datacenters"] = Strings([datacenter]),
            ["Type"] = "service",
            ["Priority"] = 80,
            ["Constraints"] = Array(DistinctHosts(), OnNodeClass(nodeClass)),
            ["Update"] = Update(),
            ["TaskGroups"] = Array(new JsonObject
            {
                ["Name"] = GroupName,
                ["Count"] = configs.Count,
                ["RestartPolicy"] = Restart(),
                ["ReschedulePolicy"] = Reschedule(),
                ["EphemeralDisk"] = new JsonObject { ["Sticky"] = true, ["Migrate"] = true, ["SizeMB"] = (int)(spec.MaxFileStore / (1024 * 1024)) + 1024 },
                ["Networks"] = Array(HostNetwork(("client", ports.Client), ("cluster", ports.Cluster), ("gateway", ports.Gateway), ("monitor", ports.Monitoring))),
                ["Services"] = Array(new JsonObject
                {
                    ["Name"] = ServiceName, ["PortLabel"] = "client", ["Provider"] = "consul", ["Tags"] = Strings(["${NOMAD_ALLOC_INDEX}", region]),
                    // /healthz answers 200 once the server is up and its JetStream is current.
                    ["Checks"] = Array(HttpCheck("healthz", "monitor", "/healthz"), TcpCheck("client", "client")),
                }),
                ["Tasks"] = Array(new JsonObject
                {
                    ["Name"] = "nats-server",
                    ["Driver"] = "docker",
                    ["KillSignal"] = "SIGUSR2",
                    ["KillTimeout"] = Ns(killTimeout),
                    ["Config"] = new JsonObject
                    {
                        ["image"] = NatsVersion.Image,
                        ["network_mode"] = "host",
                        ["args"] = Strings(["--config", "/" + ConfigFile]),
                    },
                    // The host's address and cluster port (Nomad's runtime value), quoted: nats-server reads it as a config value.
                    ["Env"] = new JsonObject { [spec.RouteAdvertiseVariable] = "\"${NOMAD_ADDR_cluster}\"" },
                    ["Templates"] = Array(
                        Template(ConfigFile, ConfigTemplate(configs.Select(c => (c.Index, c.Config.Text)).ToList()), "noop", "0444"),
                        Template("secrets/tls/server.pem", VariableItem(JobId, CertItem), "noop", "0444"),
                        Template("secrets/tls/server-key.pem", VariableItem(JobId, KeyItem), "noop"),
                        Template("secrets/tls/ca.pem", VariableItem(JobId, CaItem), "noop", "0444"),
                        EnvTemplate(spec)),
                    ["Resources"] = Resources(1000, 1024),
                }),
            }),
        };
    }

    /// <summary>Each server's file, the one of the allocation's index rendered (the generator's text holds no template braces).</summary>
    public static string ConfigTemplate(IReadOnlyList<(int Index, string Text)> configs)
    {
        var text = new StringBuilder();
        foreach (var (index, config) in configs)
        {
            if (config.Contains("{{", StringComparison.Ordinal)) throw new ArgumentException("A NATS config holds template braces.", nameof(configs));
            text.Append(CultureInfo.InvariantCulture, $"{{{{ if eq (env \"NOMAD_ALLOC_INDEX\") \"{index}\" }}}}").Append(config).Append("{{ end }}");
        }
        return text.ToString();
    }

    /// <summary>The text of server <paramref name="index"/> that <see cref="ConfigTemplate"/> renders (what the tests hand to nats-server -t).</summary>
    public static string RenderConfig(string template, int index)
    {
        var open = $"{{{{ if eq (env \"NOMAD_ALLOC_INDEX\") \"{index.ToString(CultureInfo.InvariantCulture)}\" }}}}";
        var start = template.IndexOf(open, StringComparison.Ordinal);
        if (start < 0) throw new ArgumentException($"No server of index {index} in the template.", nameof(index));
        start += open.Length;
        return template[start..template.IndexOf("{{ end }}", start, StringComparison.Ordinal)];
    }

    /// <summary>
    /// The password variables, quoted (nats-server reads a variable's value as a config value: see
    /// <see cref="NatsSuperCluster.PasswordVariableValue"/>); single quotes keep the double quotes literal in Nomad's env file.
    /// </summary>
    private static JsonObject EnvTemplate(NatsSuperClusterSpec spec)
    {
        var env = $"{{{{ with nomadVar \"{JobVariablePath(JobId)}\" }}}}" +
                  $"{spec.AppPasswordVariable}='\"{{{{ .{AppPasswordItem} }}}}\"'\n" +
                  $"{spec.SystemPasswordVariable}='\"{{{{ .{SystemPasswordItem} }}}}\"'\n" +
                  "{{ end }}";
        var template = Template("secrets/nats.env", env, "noop");
        template["Envvars"] = true;
        return template;
    }
}

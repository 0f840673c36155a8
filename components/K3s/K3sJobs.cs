using System.Text.Json.Nodes;
using Infra.Software.Nomad;
using static Infra.Software.Nomad.NomadJson;

namespace Infra.Software.K3s;

/// <summary>
/// k3s as Nomad jobs on the k3s node class (the only class that may run privileged containers):
/// <list type="bullet">
/// <item>the servers: three, on distinct hosts, with embedded etcd. The "init" member starts the cluster with
/// <c>--cluster-init</c>; the two "join" members find a server through Consul (a Nomad template over the
/// catalog's passing <c>k3s-api</c> instances: no DNS) and join it. A replaced init member joins the running
/// cluster too when one exists, so a lost host never founds a second cluster;</item>
/// <item>the agents: the other k3s nodes, never on a server's host (they reserve the same kubelet port).</item>
/// </list>
/// The join token and the CAs (<see cref="K3sCertificates"/>) come from the job's Nomad variable, which the program
/// writes; they reach the task as files in its secrets directory.
/// </summary>
public static class K3sJobs
{
    public const string ServerJobId = "k3s-server", AgentJobId = "k3s-agent";
    public const string ApiService = "k3s-api";
    public const int ApiPort = 6443, EtcdClientPort = 2379, EtcdPeerPort = 2380, KubeletPort = 10250, SupervisorMetricsPort = 10251;
    public const string TokenItem = "token";

    public static JsonObject Servers(string region, string datacenter, IReadOnlyList<string> tlsSans) => new()
    {
        ["ID"] = ServerJobId,
        ["Name"] = ServerJobId,
        ["Region"] = region,
        ["Datacenters"] = Strings([datacenter]),
        ["Type"] = "service",
        ["Priority"] = 90,
        ["Constraints"] = Array(DistinctHosts(), OnNodeClass(NodeClass.K3s)),
        ["Update"] = Update(),
        ["TaskGroups"] = Array(ServerGroup("init", 1, datacenter, tlsSans, init: true), ServerGroup("join", 2, datacenter, tlsSans, init: false)),
    };

    public static JsonObject Agents(string region, string datacenter, int count) => new()
    {
        ["ID"] = AgentJobId,
        ["Name"] = AgentJobId,
        ["Region"] = region,
        ["Datacenters"] = Strings([datacenter]),
        ["Type"] = "service",
        ["Priority"] = 85,
        ["Constraints"] = Array(DistinctHosts(), OnNodeClass(NodeClass.K3s)),
        ["Update"] = Update(),
        ["TaskGroups"] = Array(new JsonObject
        {
            ["Name"] = "agent",
            ["Count"] = count,
            ["RestartPolicy"] = Restart(),
            ["ReschedulePolicy"] = Reschedule(),
            ["Networks"] = Array(HostNetwork(("kubelet", KubeletPort))),
            ["Services"] = Array(new JsonObject
            {
                ["Name"] = "k3s-kubelet", ["PortLabel"] = "kubelet", ["Provider"] = "consul", ["Checks"] = Array(TcpCheck("kubelet", "kubelet")),
            }),
            ["Tasks"] = Array(K3sTask(
                ["agent", "--node-name=${node.unique.name}", "--node-label=topology.kubernetes.io/zone=${attr.platform.aws.placement.availability-zone}"],
                [
                    Template("secrets/token", VariableItem(AgentJobId, TokenItem), "noop"),
                    Template("secrets/join.env", JoinUrl(excludeSelf: false), "noop", "0400", envvars: true),
                ],
                tls: false)),
        }),
    };

    private static JsonObject ServerGroup(string name, int count, string datacenter, IReadOnlyList<string> tlsSans, bool init)
    {
        List<string> args =
        [
            "server",
            "--node-name=${node.unique.name}",
            "--disable=traefik,servicelb",
            "--secrets-encryption",
            .. tlsSans.Select(s => $"--tls-san={s}"),
        ];
        if (init) args.Add("--cluster-init");
        List<JsonNode?> templates = [Template("secrets/token", VariableItem(ServerJobId, TokenItem), "noop")];
        templates.AddRange(K3sCertificates.All.SelectMany(ca => new[]
        {
            Template($"secrets/tls/{ca.CertFile}", VariableItem(ServerJobId, ca.CertItem), "noop", "0444"),
            Template($"secrets/tls/{ca.KeyFile}", VariableItem(ServerJobId, ca.KeyItem), "noop"),
        }));
        templates.Add(Template($"secrets/tls/{K3sCertificates.ServiceAccountKeyFile}", VariableItem(ServerJobId, K3sCertificates.ServiceAccountKeyItem), "noop"));
        // The joiners always join; the init member joins too once a cluster exists (a replacement never founds a second one).
        templates.Add(Template("secrets/join.env", JoinUrl(excludeSelf: true), "noop", "0400", envvars: true));
        return new JsonObject
        {
            ["Name"] = name,
            ["Count"] = count,
            ["RestartPolicy"] = Restart(),
            ["ReschedulePolicy"] = Reschedule(),
            ["Networks"] = Array(HostNetwork(("api", ApiPort), ("etcd", EtcdClientPort), ("etcdpeer", EtcdPeerPort), ("kubelet", KubeletPort))),
            ["Services"] = Array(new JsonObject
            {
                ["Name"] = ApiService, ["PortLabel"] = "api", ["Provider"] = "consul", ["Tags"] = Strings([name]),
                ["Checks"] = Array(TcpCheck("api", "api")),
            }),
            ["Tasks"] = Array(K3sTask(args, templates, tls: true)),
        };
    }

    /// <summary>K3S_URL from the catalog's passing API servers (not this host), or nothing when there are none yet.</summary>
    private static string JoinUrl(bool excludeSelf)
    {
        var filter = excludeSelf ? "{{ if ne .Address (env \"attr.unique.network.ip-address\") }}" : "{{ if true }}";
        return $"{{{{ range $i, $s := service \"{ApiService}\" }}}}{filter}{{{{ if eq $i 0 }}}}K3S_URL=https://{{{{ $s.Address }}}}:{{{{ $s.Port }}}}{{{{ end }}}}{{{{ end }}}}{{{{ end }}}}\n";
    }

    private static JsonObject Template(string destination, string template, string changeMode, string perms = "0400", bool envvars = false)
    {
        var t = NomadJson.Template(destination, template, changeMode, perms);
        if (envvars) t["Envvars"] = true;
        return t;
    }

    private static JsonObject K3sTask(IReadOnlyList<string> args, IReadOnlyList<JsonNode?> templates, bool tls)
    {
        List<string> volumes = ["/var/lib/rancher/k3s:/var/lib/rancher/k3s", "/sys/fs/cgroup:/sys/fs/cgroup", "/lib/modules:/lib/modules:ro"];
        // The CAs are in place before k3s first starts; it creates only the leaf certificates next to them.
        if (tls) volumes.Add($"secrets/tls:{K3sCertificates.TlsDirectory}");
        return new JsonObject
        {
            ["Name"] = "k3s",
            ["Driver"] = "docker",
            ["KillTimeout"] = Ns(TimeSpan.FromSeconds(30)),
            ["Config"] = new JsonObject
            {
                ["image"] = K3sVersion.Image,
                ["privileged"] = true,
                ["network_mode"] = "host",
                ["args"] = Strings([.. args, "--token-file=/secrets/token"]),
                ["volumes"] = Strings(volumes),
                ["mount"] = Array(new JsonObject { ["type"] = "tmpfs", ["target"] = "/run", ["readonly"] = false }),
            },
            ["Templates"] = new JsonArray(templates.Select(t => t?.DeepClone()).ToArray()),
            ["Resources"] = Resources(2000, 2048),
        };
    }
}

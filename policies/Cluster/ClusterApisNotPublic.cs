using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cluster;

/// <summary>
/// CLU-001: no Nomad, Consul, Kubernetes or etcd API port is open to the whole internet. These APIs hold the
/// keys to every workload; operators reach them from their own networks or through the bastion. The same holds for
/// NATS's cluster routes (a region's servers among themselves) and monitoring port; NATS's client port (password and
/// TLS) and gateway port (mutual TLS with the tier's CA) are the ones that may face the internet.
/// </summary>
public sealed class ClusterApisNotPublic : ResourcePolicy
{
    /// <summary>Nomad HTTP/RPC/Serf, Consul server RPC, Serf, HTTP(S), gRPC(TLS), DNS, the Kubernetes API, etcd, the kubelet, NATS routes and monitoring.</summary>
    public static readonly IReadOnlyList<(int Port, string What)> ClusterPorts =
    [
        (4646, "Nomad HTTP API"), (4647, "Nomad RPC"), (4648, "Nomad Serf"), (8300, "Consul server RPC"), (8301, "Consul Serf LAN"),
        (8302, "Consul Serf WAN"), (8500, "Consul HTTP API"), (8501, "Consul HTTPS API"), (8502, "Consul gRPC"), (8503, "Consul gRPC TLS"),
        (8600, "Consul DNS"), (6443, "Kubernetes API"), (2379, "etcd client"), (2380, "etcd peer"), (10250, "kubelet API"),
        (6222, "NATS cluster routes"), (8222, "NATS monitoring"),
    ];

    public override string Id => "CLU-001";
    public override string Title => "No Nomad, Consul or Kubernetes API port open to the world";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        resource.Type is Tokens.VpcIngressRule or Tokens.SecurityGroupRule;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (resource.Type == Tokens.SecurityGroupRule && Props.String(resource, "type") != "ingress") yield break;
        var world = Props.String(resource, "cidrIpv4") == "0.0.0.0/0" || Props.String(resource, "cidrIpv6") == "::/0"
            || Props.Strings(Props.Get(resource, "cidrBlocks")).Contains("0.0.0.0/0") || Props.Strings(Props.Get(resource, "ipv6CidrBlocks")).Contains("::/0");
        if (!world) yield break;
        var protocol = Props.String(resource, "ipProtocol") ?? Props.String(resource, "protocol") ?? "";
        var all = protocol is "-1" or "all";
        var from = Props.Number(Props.Get(resource, "fromPort")) ?? 0;
        var to = Props.Number(Props.Get(resource, "toPort")) ?? from;
        foreach (var (port, what) in ClusterPorts.Where(p => all || (p.Port >= from && p.Port <= to)))
            yield return Violation(resource.Name, $"opens port {port} ({what}) to the whole internet.",
                "allow only operator networks (infra:operatorCidrs) or the region's own block; the public listener is ingress only.");
    }
}

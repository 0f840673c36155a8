using Infra.Constructs.Readiness;
using Infra.Nats;
using Infra.Platform.Network;

namespace Infra.Stacks.Global;

/// <summary>Where a region runs: on AWS (built here), or on your own servers (see stacks/global/README.md).</summary>
public enum RegionKind { Aws, Own }

/// <summary>
/// One region of the global tier, as configured. Its name is its identity: every resource of the region
/// lives under it, so adding or removing a region touches nothing else and a region's place in the list
/// never matters. Its CIDR is given, never derived from the list, for the same reason.
/// </summary>
/// <param name="Servers">Consul and Nomad servers (RAFT: 3, 5 or 7).</param>
/// <param name="K3sNodes">Nomad clients of the k3s class: the three k3s servers (embedded etcd) run on distinct ones.</param>
/// <param name="WorkerNodes">Nomad clients of the worker class: k3s agents, where the platform's pods run.</param>
public sealed record GlobalRegion(string Name, RegionKind Kind, string AwsRegion, Ipv4Cidr Cidr, int Servers, int K3sNodes, int WorkerNodes)
{
    /// <summary>NATS servers of the region's cluster, each on a worker host of its own (3 or more: JetStream R3 keeps quorum through one loss).</summary>
    public int NatsServers { get; init; } = 3;

    /// <summary>How long each of the region's readiness gates waits for its control plane on a first deploy.</summary>
    public TimeSpan ReadinessDeadline { get; init; } = ReadinessGate.DefaultDeadline;

    /// <summary>The Consul datacenter and Nomad region of this region (Consul lowercases; names are lower-case already).</summary>
    public string Datacenter => Name;

    public AwsRegions.Place Place => AwsRegions.Known[AwsRegion];

    /// <summary>
    /// The listeners of the region's internet-facing network load balancer; the security groups and target groups are
    /// made from this list. NATS (on the worker class): clients from anywhere (TLS and a password; other regions' clients
    /// fail over here) and gateways from the other regions (mutual TLS with the tier's NATS CA). Names are short: they
    /// are the target groups' logical names, which ELB's 32 characters bound (with the region's name and Pulumi's suffix).
    /// </summary>
    public static readonly IReadOnlyList<LoadBalancerPort> Listeners =
    [
        new("ingress", 80, 8080, Public: true, ClusterRole.K3sClient),
        new("kube", 6443, 6443, Public: false, ClusterRole.K3sClient),
        new("nomad", 4646, 4646, Public: false, ClusterRole.Server),
        new("consul", 8501, 8501, Public: false, ClusterRole.Server),
        new("nats", NatsPorts.Standard.Client, NatsPorts.Standard.Client, Public: true, ClusterRole.WorkerClient),
        new("natsgw", NatsPorts.Standard.Gateway, NatsPorts.Standard.Gateway, Public: true, ClusterRole.WorkerClient),
    ];

    /// <summary>
    /// The listeners of the region's internal load balancer: how pods (consul-k8s) reach the Consul servers and how
    /// the Consul servers reach the Kubernetes API, inside the VPC only.
    /// </summary>
    public static readonly IReadOnlyList<LoadBalancerPort> InternalListeners =
    [
        new("kube", 6443, 6443, Public: false, ClusterRole.K3sClient),
        new("consul", 8501, 8501, Public: false, ClusterRole.Server),
        new("grpc", 8503, 8503, Public: false, ClusterRole.Server),
        // The region's own NATS clients (pods) and the servers' route seed. Without client-IP preservation: a worker
        // reaching the load balancer may be sent to itself, which only works when the load balancer's address is the source.
        new("nats", NatsPorts.Standard.Client, NatsPorts.Standard.Client, Public: false, ClusterRole.WorkerClient, PreserveClientIp: false),
        new("natsrt", NatsPorts.Standard.Cluster, NatsPorts.Standard.Cluster, Public: false, ClusterRole.WorkerClient, PreserveClientIp: false),
    ];
}

/// <summary>A TCP listener of a region's network load balancer, where it sends traffic and who may reach it.</summary>
/// <param name="Public">Open to the internet (ingress only); otherwise operator networks and the region's own VPC.</param>
/// <param name="Targets">The node group behind it.</param>
/// <param name="PreserveClientIp">Targets see the client's address (the default); off where a target may be its own client.</param>
public sealed record LoadBalancerPort(string Name, int Port, int TargetPort, bool Public, ClusterRole Targets, bool PreserveClientIp = true);

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
    /// <summary>The Consul datacenter and Nomad region of this region (Consul lowercases; names are lower-case already).</summary>
    public string Datacenter => Name;

    public AwsRegions.Place Place => AwsRegions.Known[AwsRegion];

    /// <summary>
    /// Ports of the region's network load balancer beyond the Kubernetes API and ingress. NATS joins here
    /// (client 4222, gateway 7222 for the super-cluster) with the nats helper's generator; the security
    /// groups open exactly these listener ports, so adding one is adding a row.
    /// </summary>
    public static readonly IReadOnlyList<LoadBalancerPort> ExtraListeners = [];
}

/// <summary>A TCP listener of a region's network load balancer and who may reach it.</summary>
/// <param name="Public">Open to the internet (ingress); otherwise operator networks and the VPC only.</param>
public sealed record LoadBalancerPort(string Name, int Port, bool Public);

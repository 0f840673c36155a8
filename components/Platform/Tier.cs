namespace Infra.Platform;

/// <summary>The four shapes an environment of the platform comes in (DESIGN §1).</summary>
public enum Tier
{
    Laptop,
    OnPrem3,
    Dc9,
    Global,
}

/// <summary>What a tier is, in the words of the tier table; shown by <c>infra tiers</c>.</summary>
public sealed record TierShape(Tier Tier, string Name, string Servers, string Where, string Data, string Ingress)
{
    public static readonly IReadOnlyList<TierShape> All =
    [
        new(Tier.Laptop, "laptop", "1 server, all Services", "the user's machine (Docker)", "single DB, no HA", "fixed local ports"),
        new(Tier.OnPrem3, "onprem3", "3 servers, each all Services", "3 on-prem hosts (Docker over SSH)",
            "DB in replication mode, automatic failover", "manual DNS; servers know each other by fixed addresses"),
        new(Tier.Dc9, "dc9", "9 servers, each one specific Service",
            "AWS: VPC over 3 AZs, public + private subnets, bastion, ALB with TLS termination",
            "DB distributed with RAFT, static peer IPs, no SPOF", "load balancer"),
        new(Tier.Global, "global", "many servers in many regions, containers",
            "per region: Nomad + Consul running k3d/k3s, Envoy (xDS) for discovery and local LB",
            "RAFT peers from discovery; NATS super-cluster across DCs", "global DNS load balancing (geo steering)"),
    ];

    public static TierShape Of(Tier tier) => All.First(s => s.Tier == tier);

    public static bool TryParse(string name, out Tier tier)
    {
        var shape = All.FirstOrDefault(s => s.Name == name);
        tier = shape?.Tier ?? default;
        return shape is not null;
    }

    public static string Names => string.Join(", ", All.Select(s => s.Name));
}

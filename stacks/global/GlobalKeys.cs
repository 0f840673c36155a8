using Infra.Platform.Configuration;
using Infra.Stacks.Dc9;

namespace Infra.Stacks.Global;

/// <summary>The config keys of the global tier, beyond the common ones (dc9's where the meaning is the same).</summary>
public static class GlobalKeys
{
    public static readonly ConfigKey Regions = new("regions", ConfigKind.Object,
        "The regions, each {name, awsRegion, cidr, servers, k3sNodes, workerNodes}; adding or removing one touches only that region.",
        "a list such as [{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16}]: unique lower-case names, known AWS regions, " +
        "private /16 to /19 blocks that overlap no other region, servers 3, 5 or 7, k3sNodes 3 to 9, workerNodes 1 to 100");
    public static readonly ConfigKey Replicas = new("replicas", ConfigKind.Object,
        "Pods per Service in every region (kubectl scale may change them; Pulumi keeps its hands off the live count).",
        "an object such as {gateway: 3, accounts: 3, events: 3}; each 1 to 15, per region an odd RAFT total of at least 3 that one " +
        "disruption per Service cannot take below quorum");
    public static readonly ConfigKey AppImage = new("appImage", ConfigKind.String,
        "The platform binary's container image, pinned.", ImageReference.Allowed);
    public static readonly ConfigKey OperatorCidrs = new("operatorCidrs", ConfigKind.StringList,
        "Networks that may reach the Nomad, Consul and Kubernetes APIs (through the load balancer) and SSH to the bastion.",
        "a non-empty list of CIDRs such as [\"203.0.113.0/24\"]; never 0.0.0.0/0");
    public static readonly ConfigKey CloudflareAccountId = new("cloudflareAccountId", ConfigKind.String,
        "Cloudflare account of the load-balancer pools and monitor (the API token comes from CLOUDFLARE_API_TOKEN).", "32 hex digits");
    public static readonly ConfigKey ServerInstanceType = new("serverInstanceType", ConfigKind.String,
        "EC2 type of the Consul and Nomad servers.", "a Nitro instance type such as m6i.large");
    public static readonly ConfigKey ClientInstanceType = new("clientInstanceType", ConfigKind.String,
        "EC2 type of the Nomad clients (k3s servers, k3s agents and workloads).", "a Nitro instance type such as m6i.xlarge");

    public static readonly IReadOnlyList<ConfigKey> All =
    [
        Regions, Replicas, AppImage, OperatorCidrs, Dc9Keys.Domain, Dc9Keys.CloudflareZoneId, CloudflareAccountId,
        ServerInstanceType, ClientInstanceType, Dc9Keys.BastionInstanceType, Dc9Keys.SsmAgentPackageUrl, Dc9Keys.SsmAgentPackageSha256,
        Dc9Keys.OtlpEndpoint,
    ];
}

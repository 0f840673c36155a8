using System.Text.RegularExpressions;
using Infra.Constructs.Readiness;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Network;
using Infra.Platform.Provisioning;
using Infra.Stacks.Dc9;

namespace Infra.Stacks.Global;

/// <summary>The config keys of the global tier, beyond the common ones (dc9's where the meaning is the same); each declared once.</summary>
public static partial class GlobalKeys
{
    /// <summary>At most 12 characters: the region name prefixes AWS names with tight limits (target groups: 32).</summary>
    [GeneratedRegex("^[a-z][a-z0-9]{0,11}$")] private static partial Regex RegionName();
    [GeneratedRegex("^[0-9a-f]{32}$")] private static partial Regex CloudflareId();

    private static readonly Ipv4Cidr[] PrivateRanges = [Ipv4Cidr.Parse("10.0.0.0/8"), Ipv4Cidr.Parse("172.16.0.0/12"), Ipv4Cidr.Parse("192.168.0.0/16")];

    public static readonly ConfigField<string> RegionNameField = new("name",
        ConfigShapes.Pattern(RegionName(), "is not a region name.", "a lower-case name of 1 to 12 letters and digits starting with a letter, e.g. london"), "",
        "The region's identity: every resource of the region lives under it.") { Required = true };

    public static readonly ConfigField<string> RegionKindField = new("kind",
        ConfigShapes.OneOf("is not a region kind.", "aws", "own"), "aws",
        "aws (built here) or own (your servers; not available yet, see Own servers).");

    public static readonly ConfigField<string> AwsRegionField = new("awsRegion",
        ConfigShapes.Text("an AWS region such as eu-west-2", AwsRegionProblem), "", "The AWS region it runs in.") { Required = true };

    public static readonly ConfigField<Ipv4Cidr> CidrField = new("cidr",
        ConfigShapes.Parsed<Ipv4Cidr>("CIDR", "a private block such as 10.20.0.0/16", ParseRegionCidr), default,
        "The region's block, given (never derived from its place in the list); regions never overlap, so they can be peered.")
    {
        Required = true,
        RequiredWhy = "a region's block is given, never derived from its place in the list",
    };

    public static readonly ConfigField<int> ServersField = new("servers", ConfigShapes.Integer(1, 7), 3,
        "Consul and Nomad servers: 3, 5 or 7 (a RAFT quorum, which fewer than 3 cannot survive a loss in and an even count does not help).");

    public static readonly ConfigField<int> K3sNodesField = new("k3sNodes", ConfigShapes.Integer(1, 9), 3,
        "Nomad clients of the k3s class; the three k3s servers (embedded etcd quorum) need three distinct hosts.");

    public static readonly ConfigField<int> WorkerNodesField = new("workerNodes", ConfigShapes.Integer(1, 100), 3,
        "Nomad clients of the worker class (k3s agents, where the platform's pods run).");

    public static readonly ConfigField<int> NatsServersField = new("natsServers", ConfigShapes.Integer(1, 9), 3,
        "NATS servers of the region's cluster, each on a worker host of its own; at least 3 (JetStream's R3 streams keep quorum through one loss).");

    public static readonly ConfigField<int> ReadinessMinutesField = new("readinessMinutes", ConfigShapes.Integer(5, 120),
        (int)ReadinessGate.DefaultDeadline.TotalMinutes,
        "How long each readiness gate of the region waits for its Nomad, Consul or Kubernetes API on a first deploy before it fails " +
        "the deploy (minutes); raise it for a region whose servers boot slowly (a slow package mirror). A new value re-runs no gate.");

    public static readonly ConfigKey<IReadOnlyList<GlobalRegion>?> Regions = new("regions",
        ConfigShapes.List("a non-empty list such as [{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16}]: unique names, " +
                          "private blocks that overlap no other region",
            ConfigShapes.Object<GlobalRegion>("{name, awsRegion, cidr, servers, k3sNodes, workerNodes, natsServers, readinessMinutes}",
                [RegionNameField, RegionKindField, AwsRegionField, CidrField, ServersField, K3sNodesField, WorkerNodesField, NatsServersField,
                 ReadinessMinutesField], BuildRegion)),
        null, "The regions; adding or removing one touches only that region.")
    {
        DefaultText = "london (eu-west-2, 10.20.0.0/16), frankfurt (eu-central-1, 10.21.0.0/16), dallas (us-east-2, 10.22.0.0/16)",
    };

    public static readonly ConfigField<int> PodsField = new("pods", ConfigShapes.Integer(1, 15), GlobalSettings.DefaultReplicas,
        "Pods of the Service in every region.") { Required = true };

    public static readonly ConfigKey<IReadOnlyList<KeyValuePair<string, ReplicaCount>>?> Replicas = new("replicas",
        ConfigShapes.Map("an object such as {gateway: 3, accounts: 3, events: 3}; each 1 to 15, per region an odd RAFT total of at least 3 " +
                         "that one disruption per Service cannot take below quorum", "a Service of infra:services", _ => null,
            ConfigShapes.Object<ReplicaCount>("N (1 to 15)", [PodsField], (values, _) => new ReplicaCount(values.Get(PodsField)), shorthand: PodsField)),
        null, "Pods per Service in every region (kubectl scale may change them; Pulumi keeps its hands off the live count).")
    {
        DefaultText = "3 per Service",
    };

    public static readonly ConfigKey<string> AppImage = new("appImage",
        ConfigShapes.Text(ImageReference.Allowed, ImageReference.Problem), StandInBinary.Image, "The platform binary's container image, pinned.");

    public static readonly ConfigKey<IReadOnlyList<string>?> OperatorCidrs = new("operatorCidrs",
        ConfigShapes.StringList("a non-empty list of CIDRs such as [\"203.0.113.0/24\"]; never 0.0.0.0/0"), null,
        "Networks that may reach the Nomad, Consul and Kubernetes APIs (through the load balancer) and SSH to the bastion.")
    {
        Required = true,
        RequiredWhy = "only these networks reach the cluster APIs and the bastions",
    };

    public static readonly ConfigKey<string> CloudflareAccountId = new("cloudflareAccountId",
        ConfigShapes.Pattern(CloudflareId(), "is not a Cloudflare id (32 hex digits).", "32 hex digits"), "",
        "Cloudflare account of the load-balancer pools and monitor (the API token comes from CLOUDFLARE_API_TOKEN).")
    {
        Required = true,
        RequiredWhy = "the load-balancer pools and monitor belong to the account",
    };

    public static readonly ConfigKey<string> ServerInstanceType = new("serverInstanceType",
        ConfigShapes.Text("a Nitro instance type such as m6i.large", InstanceTypeProblem), "m6i.large", "EC2 type of the Consul and Nomad servers.");

    public static readonly ConfigKey<string> ClientInstanceType = new("clientInstanceType",
        ConfigShapes.Text("a Nitro instance type such as m6i.xlarge", InstanceTypeProblem), "m6i.xlarge",
        "EC2 type of the Nomad clients (k3s servers, k3s agents and workloads).");

    // dc9's names and shapes, with what they mean here: no certificate (the app's job), the zone always required.
    public static readonly ConfigKey<string> Domain = new("domain", Dc9Keys.Domain.Shape, "",
        "Domain of the stack; the platform's host names (the geo-steered load balancer's and each region's) are names under it.")
    {
        Required = true,
        RequiredWhy = "the global load balancer's host names live under it",
    };

    public static readonly ConfigKey<string?> CloudflareZoneId = new("cloudflareZoneId", Dc9Keys.CloudflareZoneId.Shape, null,
        "Cloudflare zone of the domain, where the global load balancer and its records are created.")
    {
        DefaultText = "required",
    };

    public static readonly IReadOnlyList<ConfigKey> All =
    [
        Regions, Replicas, AppImage, OperatorCidrs, Domain, CloudflareZoneId, CloudflareAccountId,
        ServerInstanceType, ClientInstanceType, Dc9Keys.BastionInstanceType, Dc9Keys.SsmAgentPackageUrl, Dc9Keys.SsmAgentPackageSha256,
        Dc9Keys.OtlpEndpoint,
    ];

    private static string? InstanceTypeProblem(string type) => Dc9Keys.InstanceTypeShape().IsMatch(type) ? null : "is not an EC2 instance type.";

    private static string? AwsRegionProblem(string region)
    {
        if (AwsRegions.Known.ContainsKey(region)) return null;
        var suggestion = DidYouMean.Suggest(region, AwsRegions.Known.Keys);
        return suggestion is null ? "is not a known AWS region." : $"is not a known AWS region. Did you mean {suggestion}?";
    }

    private static string? ParseRegionCidr(string text, out Ipv4Cidr cidr)
    {
        if (!Ipv4Cidr.TryParse(text, out cidr)) return "is not a CIDR.";
        var block = cidr;
        return block.PrefixLength is < Dc9Settings.LargestVpcPrefix or > Dc9Settings.SmallestVpcPrefix || !PrivateRanges.Any(r => r.Contains(block))
            ? $"is not a private (RFC 1918) block from /{Dc9Settings.LargestVpcPrefix} to /{Dc9Settings.SmallestVpcPrefix}."
            : null;
    }

    /// <summary>One region once its fields are valid; the rules across fields (kind, an odd server count) here.</summary>
    private static GlobalRegion? BuildRegion(ConfigFieldValues values, ConfigAt at)
    {
        var ok = true;
        if (values.Get(RegionKindField) == "own")
        {
            at.Field(RegionKindField).Fail("own", "is not available yet: own servers need a bootstrap path without the cloud's auto-join and load balancer.",
                "kind: aws (stacks/global/README.md#own-servers says what own servers need)");
            ok = false;
        }
        var servers = values.Get(ServersField);
        if (servers < 3 || servers % 2 == 0)
        {
            at.Field(ServersField).Fail(servers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "must be 3, 5 or 7: Consul and Nomad servers form a RAFT quorum, which fewer than 3 cannot survive a loss in and an even count does not help.");
            ok = false;
        }
        var k3sNodes = values.Get(K3sNodesField);
        if (k3sNodes < 3)
        {
            at.Field(K3sNodesField).Fail(k3sNodes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "must be 3 to 9: the three k3s servers (embedded etcd quorum) need three distinct hosts.");
            ok = false;
        }
        // The NATS rules (at least 3 servers, ...) are the generator's own, checked on the whole super-cluster (GlobalSettings);
        // that each server has a worker host of its own is this tier's.
        var workers = values.Get(WorkerNodesField);
        var nats = values.Get(NatsServersField);
        if (nats > workers)
        {
            at.Field(NatsServersField).Fail(nats.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"is more than the region's {workers} worker nodes: each NATS server needs a worker host of its own (distinct hosts).",
                $"natsServers of at most workerNodes ({workers}), or more workerNodes");
            ok = false;
        }
        return ok
            ? new GlobalRegion(values.Get(RegionNameField), RegionKind.Aws, values.Get(AwsRegionField), values.Get(CidrField), servers,
                k3sNodes, workers) { NatsServers = nats, ReadinessDeadline = TimeSpan.FromMinutes(values.Get(ReadinessMinutesField)) }
            : null;
    }
}

/// <summary>One Service of <c>infra:replicas</c>: its pods in every region (<c>gateway: 3</c>).</summary>
public sealed record ReplicaCount(int Pods);

using System.Globalization;
using Infra.Operations.Diff;
using Infra.Operations.Graph;
using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Cost;

/// <summary>
/// The monthly cost of what a program creates, from the dated <see cref="PriceTable"/>: EC2 instance hours
/// (the type read from the instance or its launch template), EBS GB-months (data and root volumes) and the
/// snapshots a lifecycle policy keeps of them, NAT gateway hours and GB, load balancer hours and LCUs, public
/// IPv4 addresses (Elastic IPs, public instances, one per subnet of an internet-facing load balancer), data
/// transfer out, log ingestion and Cloudflare load balancing. Traffic and data growth come from the table's
/// stated assumptions. Resources AWS does not charge for are named, not priced; anything else is listed as not priced.
/// </summary>
public static class CostEstimator
{
    /// <summary>Types AWS (or the provider) does not charge for by themselves; what they lead to is priced elsewhere.</summary>
    private static readonly HashSet<string> Free = new(StringComparer.Ordinal)
    {
        "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/subnetCidrReservation:SubnetCidrReservation",
        "aws:ec2/internetGateway:InternetGateway", "aws:ec2/routeTable:RouteTable", "aws:ec2/route:Route",
        "aws:ec2/routeTableAssociation:RouteTableAssociation", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        "aws:ec2/securityGroup:SecurityGroup", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "aws:ec2/launchTemplate:LaunchTemplate",
        "aws:ec2/volumeAttachment:VolumeAttachment", "aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/instanceProfile:InstanceProfile",
        "aws:lb/targetGroup:TargetGroup", "aws:lb/targetGroupAttachment:TargetGroupAttachment", "aws:lb/listener:Listener",
        "aws:lb/listenerRule:ListenerRule", "aws:acm/certificate:Certificate", "aws:acm/certificateValidation:CertificateValidation",
        "aws:route53/record:Record", "aws:s3/bucket:Bucket", "aws:s3/bucketPolicy:BucketPolicy",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:dlm/lifecyclePolicy:LifecyclePolicy", "aws:cloudwatch/logGroup:LogGroup",
        "cloudflare:index/record:Record", "cloudflare:index/dnsRecord:DnsRecord",
    };

    /// <summary>
    /// Packages whose resources run on the user's own machines, or on the instances the program already pays for
    /// (Nomad jobs, Consul entries, Kubernetes objects), or are pure computation: no charge of their own.
    /// </summary>
    private static readonly string[] OwnMachines = ["pulumi:providers:", "docker:", "command:", "random:", "tls:", "nomad:", "consul:", "kubernetes:"];

    public static CostEstimate Estimate(string programYaml, PriceTable prices, ScheduleHours schedule) =>
        Estimate(ProgramGraph.Of(programYaml), prices, schedule);

    /// <exception cref="CostException">A region of the program has no prices in the table, or no literal region.</exception>
    public static CostEstimate Estimate(ProgramGraph program, PriceTable prices, ScheduleHours schedule)
    {
        var a = prices.Assumptions;
        var hours = prices.HoursPerMonth;
        var regionOf = AwsRegions(program, prices);

        var lines = new List<CostLine>();
        var warnings = new List<string>();
        var notPriced = new SortedSet<string>(StringComparer.Ordinal);
        var assumptions = new SortedSet<string>(StringComparer.Ordinal);
        var eipInstances = program.Resources.Where(r => r.Type == "aws:ec2/eip:Eip")
            .Select(r => InterpolationReference.WholeReference(Child(r.Properties, "instance")) ?? InterpolationReference.In(Child(r.Properties, "instance")).FirstOrDefault()?.Root)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        var snapshotPolicies = program.Resources.Where(r => r.Type == "aws:dlm/lifecyclePolicy:LifecyclePolicy").Select(SnapshotPolicy.Of).OfType<SnapshotPolicy>().ToList();

        foreach (var resource in program.Resources.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var props = resource.Properties;
            var region = regionOf.GetValueOrDefault(resource.Name);
            var p = region is null ? null : prices.Regions[region];
            void Add(string category, string detail, decimal quantity, string unit, decimal unitPrice, bool tornDown) =>
                lines.Add(new CostLine(category, detail, quantity, unit, unitPrice, tornDown, region));
            void Instances(string what, YamlMappingNode? instance, YamlMappingNode? template, decimal count)
            {
                var type = Scalar(instance, "instanceType") ?? Scalar(template, "instanceType");
                if (type is null) { warnings.Add($"{what}: no literal instance type; not priced."); return; }
                if (!p!.Ec2PerHour.TryGetValue(type, out var hourly))
                    warnings.Add($"{what}: no price for {type} in {region}; add it to operations/Cost/prices.yaml.");
                Add("EC2 instances", type, hours * count, "instance-hours", hourly, true);
                var (rootGb, rootType, assumed) = RootVolume(instance, template, a);
                if (assumed) assumptions.Add($"a root volume the program leaves to the AMI: {a.RootVolumeGb:0.#} GB gp3");
                var root = Ebs(p, rootType, rootGb * count, "root", warnings, what);
                lines.Add(root with { Region = region });
            }
            switch (resource.Type)
            {
                case "aws:ec2/instance:Instance":
                {
                    Instances(resource.Name, props, Template(program, props), 1);
                    if (Scalar(props, "associatePublicIpAddress") == "true" && !eipInstances.Contains(resource.Name))
                        Add("Public IPv4", "instance", hours, "address-hours", p!.PublicIpv4PerHour, true);
                    break;
                }
                case "aws:autoscaling/group:Group":
                {
                    // The group runs its desired capacity (else its minimum) of its launch template's instances.
                    var count = Number(props, "desiredCapacity") ?? Number(props, "minSize");
                    if (count is null) { warnings.Add($"{resource.Name}: no literal desiredCapacity or minSize; not priced."); break; }
                    Instances(resource.Name, null, Template(program, props), count.Value);
                    assumptions.Add("auto-scaling groups: at their desired capacity all month (no scaling)");
                    break;
                }
                case "aws:ebs/volume:Volume":
                {
                    var size = Number(props, "size") ?? 0;
                    var type = Scalar(props, "type") ?? "gp2";  // the EC2 API's default volume type
                    lines.Add(Ebs(p!, type, size, "data", warnings, resource.Name) with { Region = region });
                    foreach (var policy in snapshotPolicies.Where(policy => policy.Targets(props)))
                    {
                        var gb = size * (a.SnapshotFirstFraction + a.SnapshotDailyChangeFraction * Math.Max(0, policy.Retain - 1));
                        Add("EBS snapshots", $"{policy.Retain} kept", gb, "GB-months", p!.EbsSnapshotPerGbMonth, false);
                        assumptions.Add($"snapshots: the first stores {a.SnapshotFirstFraction:P0} of the volume, each later one {a.SnapshotDailyChangeFraction:P0}");
                    }
                    break;
                }
                case "aws:ec2/natGateway:NatGateway":
                    Add("NAT gateways", "hours", hours, "gateway-hours", p!.NatGatewayPerHour, true);
                    Add("NAT gateways", "data processed", a.NatGbPerMonth, "GB", p.NatGatewayPerGb, true);
                    assumptions.Add($"NAT gateway: {a.NatGbPerMonth:0.#} GB a month each (downloads, telemetry)");
                    break;
                case "aws:ec2/eip:Eip":
                    Add("Public IPv4", "Elastic IP", hours, "address-hours", p!.PublicIpv4PerHour, true);
                    break;
                case "aws:lb/loadBalancer:LoadBalancer":
                {
                    var network = Scalar(props, "loadBalancerType") == "network";
                    var kind = network ? "NLB" : "ALB";
                    Add("Load balancers", $"{kind} hours", hours, "LB-hours", network ? p!.NlbPerHour : p!.AlbPerHour, true);
                    Add("Load balancers", $"{kind} capacity units", hours * a.LcuPerLoadBalancer, "LCU-hours", network ? p.NlbPerLcuHour : p.AlbPerLcuHour, true);
                    assumptions.Add($"load balancer: {a.LcuPerLoadBalancer:0.#} capacity unit on average");
                    if (Scalar(props, "internal") != "true")
                    {
                        // One public address per zone; a subnet mapping with its own Elastic IP is charged as that EIP.
                        var zones = Count(Child(props, "subnets"))
                                    + (Child(props, "subnetMappings") is YamlSequenceNode mappings ? mappings.Children.Count(m => Child(m, "allocationId") is null) : 0);
                        if (zones > 0) Add("Public IPv4", $"{kind} (one per zone)", hours * zones, "address-hours", p.PublicIpv4PerHour, true);
                        Add("Data transfer out", $"{kind} responses", a.DataTransferOutGbPerMonth, "GB", p.DataTransferOutPerGb, true);
                        assumptions.Add($"data transfer out: {a.DataTransferOutGbPerMonth:0.#} GB a month per internet-facing load balancer");
                    }
                    if (Scalar(Child(props, "accessLogs"), "enabled") == "true")
                    {
                        Add("Logs", $"{kind} access logs in S3", a.LogsGbPerMonth, "GB-months", p.S3PerGbMonth, true);
                        assumptions.Add($"logs: {a.LogsGbPerMonth:0.#} GB a month per log");
                    }
                    break;
                }
                case "aws:ec2/flowLog:FlowLog":
                    if (Scalar(props, "logDestinationType") is null or "cloud-watch-logs")
                    {
                        Add("Logs", "VPC flow logs to CloudWatch", a.LogsGbPerMonth, "GB ingested", p!.LogsIngestionPerGb, true);
                        assumptions.Add($"logs: {a.LogsGbPerMonth:0.#} GB a month per log");
                    }
                    break;
                case "aws:ec2/vpcEndpoint:VpcEndpoint" when Scalar(props, "vpcEndpointType") is null or "Gateway":
                    break;  // gateway endpoints (S3, DynamoDB) are free
                case "aws:ssm/parameter:Parameter":
                    // Standard parameters are free; an advanced one (over 4 KB, a certificate chain) is charged per month, prorated hourly.
                    if (Scalar(props, "tier") is "Advanced")
                        Add("SSM parameters", "advanced", 1, "parameter-months", p!.SsmAdvancedParameterPerMonth, true);
                    break;
                case "cloudflare:index/loadBalancer:LoadBalancer":
                    Add("Cloudflare", "load balancer (2 origins included)", 1, "month", prices.CloudflareLoadBalancerPerMonth, false);
                    // Geo, dynamic and proximity steering, and pools per region or country, are the traffic steering add-on.
                    var steering = Scalar(props, "steeringPolicy");
                    if (steering is "geo" or "dynamic_latency" or "proximity" or "least_outstanding_requests" or "least_connections"
                        || Child(props, "regionPools") is not null || Child(props, "countryPools") is not null || Child(props, "popPools") is not null)
                        Add("Cloudflare", $"traffic steering ({steering ?? "pools by location"})", 1, "month", prices.CloudflareTrafficSteeringPerMonth, false);
                    break;
                case "cloudflare:index/loadBalancerPool:LoadBalancerPool":
                    var origins = Count(Child(props, "origins"));
                    if (origins > 0) Add("Cloudflare", "origins", origins, "origin-months", 0, false);
                    break;
                case "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor":
                {
                    // Checks every 60 s or slower are part of the subscription; faster ones are an add-on per monitor.
                    var interval = Number(props, "interval") ?? 60;
                    if (interval < 60) Add("Cloudflare", "health checks faster than 60 s", 1, "monitor-months", prices.CloudflareFastHealthChecksPerMonth, false);
                    else Add("Cloudflare", "health monitors (60 s checks, included)", 1, "monitor-months", 0, false);
                    break;
                }
                default:
                    if (!Free.Contains(resource.Type) && !OwnMachines.Any(prefix => resource.Type.StartsWith(prefix, StringComparison.Ordinal)))
                        notPriced.Add(resource.Type);
                    break;
            }
        }
        CloudflareOrigins(lines, prices);
        CloudflareAccountAddOns(lines);
        var used = lines.Select(line => line.Region).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var asOf = used.Select(r => prices.Regions[r].AsOf ?? prices.AsOf).Append(prices.AsOf).Distinct().Order(StringComparer.Ordinal);
        return new CostEstimate(used.Count == 1 ? used[0] : null, Merge(lines), schedule, [.. assumptions], warnings, [.. notPriced],
            string.Join(" and ", asOf), prices.Currency);
    }

    /// <summary>
    /// The AWS region of every AWS resource: its own provider's (<c>options.provider</c>), else the program's default
    /// aws provider (named <c>aws</c>, or the only one). Every region must have prices in the table.
    /// </summary>
    private static Dictionary<string, string> AwsRegions(ProgramGraph program, PriceTable prices)
    {
        var providers = program.Resources.Where(r => r.Type == "pulumi:providers:aws").ToDictionary(r => r.Name, r => Scalar(r.Properties, "region"), StringComparer.Ordinal);
        var fallback = providers.ContainsKey("aws") ? "aws" : providers.Count == 1 ? providers.Keys.Single() : null;
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var resource in program.Resources.Where(r => r.Type.StartsWith("aws:", StringComparison.Ordinal)))
        {
            var provider = InterpolationReference.WholeReference(Child(resource.Options, "provider")) is { } named && providers.ContainsKey(named) ? named : fallback;
            var region = provider is null ? null : providers[provider];
            if (region is null)
                throw new CostException($"the program's aws provider {(provider is null ? "" : $"'{provider}' ")}sets no literal region, so no regional price applies to {resource.Name}; set infra:region.");
            if (!prices.Regions.ContainsKey(region)) missing.Add(region);
            regions[resource.Name] = region;
        }
        if (missing.Count > 0)
            throw new CostException(
                $"operations/Cost/prices.yaml has no prices for region{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} (it has {string.Join(", ", prices.Regions.Keys)}); " +
                $"add {(missing.Count == 1 ? "that region's" : "those regions'")} prices, with their date.");
        return regions;
    }

    private static YamlMappingNode? Template(ProgramGraph program, YamlMappingNode? props) =>
        InterpolationReference.In(Child(Child(props, "launchTemplate"), "id")).FirstOrDefault()?.Root is { } t
        && program.Nodes.TryGetValue(t, out var node) ? node.Properties : null;

    /// <summary>Cloudflare's add-on includes two origins per account; each further one is charged.</summary>
    private static void CloudflareOrigins(List<CostLine> lines, PriceTable prices)
    {
        var origins = lines.Where(line => line is { Category: "Cloudflare", Detail: "origins" }).Sum(line => line.Quantity);
        lines.RemoveAll(line => line is { Category: "Cloudflare", Detail: "origins" });
        if (origins > 2) lines.Add(new CostLine("Cloudflare", "origins beyond the two included", origins - 2, "origin-months", prices.CloudflareExtraOriginPerMonth, false));
    }

    /// <summary>
    /// Load Balancing and its traffic-steering add-on are subscribed once per account, however many load
    /// balancers use them (the global tier has two: the platform's hosts and NATS's first-connection name).
    /// </summary>
    private static void CloudflareAccountAddOns(List<CostLine> lines)
    {
        foreach (var addOn in new[] { "load balancer", "traffic steering" })
        {
            var billed = lines.Where(line => line.Category == "Cloudflare" && line.Detail.StartsWith(addOn, StringComparison.Ordinal)).ToList();
            if (billed.Count < 2) continue;
            lines.RemoveAll(billed.Contains);
            lines.Add(billed[0] with { Quantity = 1 });
        }
    }

    /// <summary>One line per region, category, detail and price: "9 × m6i.large", not nine lines; what is not regional last.</summary>
    private static List<CostLine> Merge(List<CostLine> lines) =>
        [.. lines.GroupBy(line => (line.Region, line.Category, line.Detail, line.Unit, line.UnitPrice, line.TornDown))
            .Select(group => group.First() with { Quantity = group.Sum(line => line.Quantity) })
            .OrderBy(line => line.Region is null).ThenBy(line => line.Region, StringComparer.Ordinal)
            .ThenBy(line => line.Category, StringComparer.Ordinal).ThenBy(line => line.Detail, StringComparer.Ordinal)];

    private static CostLine Ebs(RegionPrices p, string type, decimal gb, string role, List<string> warnings, string resource)
    {
        if (!p.EbsPerGbMonth.TryGetValue(type, out var price))
            warnings.Add($"{resource}: no price for EBS {type}; add it to operations/Cost/prices.yaml.");
        return new CostLine("EBS volumes", $"{type} ({role})", gb, "GB-months", price, true);
    }

    private static (decimal Gb, string Type, bool Assumed) RootVolume(YamlMappingNode? instance, YamlMappingNode? template, CostAssumptions a)
    {
        if (Child(instance, "rootBlockDevice") is YamlMappingNode root && Number(root, "volumeSize") is { } size)
            return (size, Scalar(root, "volumeType") ?? "gp3", false);
        if (Child(template, "blockDeviceMappings") is YamlSequenceNode mappings)
        {
            foreach (var mapping in mappings.Children.OfType<YamlMappingNode>())
            {
                if (Child(mapping, "ebs") is YamlMappingNode ebs && Number(ebs, "volumeSize") is { } gb)
                    return (gb, Scalar(ebs, "volumeType") ?? "gp3", false);
            }
        }
        return (a.RootVolumeGb, "gp3", true);
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node, string key) => Child(node, key) is YamlScalarNode { Value: { } value } ? value : null;

    private static decimal? Number(YamlNode? node, string key) =>
        decimal.TryParse(Scalar(node, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static int Count(YamlNode? node) => node is YamlSequenceNode list ? list.Children.Count : 0;

    /// <summary>A lifecycle policy's volume tags and how many snapshots it keeps.</summary>
    private sealed record SnapshotPolicy(IReadOnlyDictionary<string, string> TargetTags, int Retain)
    {
        public static SnapshotPolicy? Of(ProgramNode policy)
        {
            var details = Child(policy.Properties, "policyDetails");
            if (Child(details, "targetTags") is not YamlMappingNode tags) return null;
            var retain = Child(details, "schedules") is YamlSequenceNode schedules
                ? schedules.Children.Select(s => (int)(Number(Child(s, "retainRule"), "count") ?? 1)).DefaultIfEmpty(1).Max()
                : 1;
            return new SnapshotPolicy(tags.Children.ToDictionary(t => ValueText.KeyText(t.Key), t => t.Value is YamlScalarNode { Value: { } v } ? v : "", StringComparer.Ordinal), retain);
        }

        public bool Targets(YamlMappingNode? volume) =>
            Child(volume, "tags") is YamlMappingNode tags
            && TargetTags.All(tag => Scalar(tags, tag.Key) == tag.Value);
    }
}

/// <summary>The estimate cannot be made (a region without prices): exit 1 with the fix.</summary>
public sealed class CostException(string message) : Exception(message);

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
        "cloudflare:index/record:Record", "cloudflare:index/dnsRecord:DnsRecord", "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor",
    };

    /// <summary>Packages whose resources run on the user's own machines or are pure computation: no cloud charge.</summary>
    private static readonly string[] OwnMachines = ["pulumi:providers:", "docker:", "command:", "random:", "tls:"];

    public static CostEstimate Estimate(string programYaml, PriceTable prices, ScheduleHours schedule) =>
        Estimate(ProgramGraph.Of(programYaml), prices, schedule);

    /// <exception cref="CostException">The program's region has no prices in the table.</exception>
    public static CostEstimate Estimate(ProgramGraph program, PriceTable prices, ScheduleHours schedule)
    {
        var a = prices.Assumptions;
        var hours = prices.HoursPerMonth;
        var region = program.Resources.FirstOrDefault(r => r.Type == "pulumi:providers:aws") is { } aws ? Scalar(aws.Properties, "region") : null;
        var usesAws = program.Resources.Any(r => r.Type.StartsWith("aws:", StringComparison.Ordinal));
        RegionPrices? p = null;
        if (usesAws)
        {
            if (region is null)
                throw new CostException("the program's aws provider sets no literal region, so no regional price applies; set infra:region.");
            p = prices.Regions.GetValueOrDefault(region) ?? throw new CostException(
                $"operations/Cost/prices.yaml has no prices for region {region} (it has {string.Join(", ", prices.Regions.Keys)}); add that region's prices, with their date.");
        }

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
            switch (resource.Type)
            {
                case "aws:ec2/instance:Instance":
                {
                    var template = InterpolationReference.In(Child(Child(props, "launchTemplate"), "id")).FirstOrDefault()?.Root is { } t
                        && program.Nodes.TryGetValue(t, out var node) ? node.Properties : null;
                    var type = Scalar(props, "instanceType") ?? Scalar(template, "instanceType");
                    if (type is null) { warnings.Add($"{resource.Name}: no literal instance type; not priced."); break; }
                    if (!p!.Ec2PerHour.TryGetValue(type, out var hourly))
                        warnings.Add($"{resource.Name}: no price for {type} in {region}; add it to operations/Cost/prices.yaml.");
                    lines.Add(new CostLine("EC2 instances", type, hours, "instance-hours", hourly, true));
                    var (rootGb, rootType, assumed) = RootVolume(props, template, a);
                    if (assumed) assumptions.Add($"a root volume the program leaves to the AMI: {a.RootVolumeGb:0.#} GB gp3");
                    lines.Add(Ebs(p, rootType, rootGb, "root", warnings, resource.Name));
                    if (Scalar(props, "associatePublicIpAddress") == "true" && !eipInstances.Contains(resource.Name))
                        lines.Add(new CostLine("Public IPv4", "instance", hours, "address-hours", p.PublicIpv4PerHour, true));
                    break;
                }
                case "aws:ebs/volume:Volume":
                {
                    var size = Number(props, "size") ?? 0;
                    var type = Scalar(props, "type") ?? "gp2";  // the EC2 API's default volume type
                    lines.Add(Ebs(p!, type, size, "data", warnings, resource.Name));
                    foreach (var policy in snapshotPolicies.Where(policy => policy.Targets(props)))
                    {
                        var gb = size * (a.SnapshotFirstFraction + a.SnapshotDailyChangeFraction * Math.Max(0, policy.Retain - 1));
                        lines.Add(new CostLine("EBS snapshots", $"{policy.Retain} kept", gb, "GB-months", p!.EbsSnapshotPerGbMonth, false));
                        assumptions.Add($"snapshots: the first stores {a.SnapshotFirstFraction:P0} of the volume, each later one {a.SnapshotDailyChangeFraction:P0}");
                    }
                    break;
                }
                case "aws:ec2/natGateway:NatGateway":
                    lines.Add(new CostLine("NAT gateways", "hours", hours, "gateway-hours", p!.NatGatewayPerHour, true));
                    lines.Add(new CostLine("NAT gateways", "data processed", a.NatGbPerMonth, "GB", p.NatGatewayPerGb, true));
                    assumptions.Add($"NAT gateway: {a.NatGbPerMonth:0.#} GB a month each (downloads, telemetry)");
                    break;
                case "aws:ec2/eip:Eip":
                    lines.Add(new CostLine("Public IPv4", "Elastic IP", hours, "address-hours", p!.PublicIpv4PerHour, true));
                    break;
                case "aws:lb/loadBalancer:LoadBalancer":
                {
                    var network = Scalar(props, "loadBalancerType") == "network";
                    var kind = network ? "NLB" : "ALB";
                    lines.Add(new CostLine("Load balancers", $"{kind} hours", hours, "LB-hours", network ? p!.NlbPerHour : p!.AlbPerHour, true));
                    lines.Add(new CostLine("Load balancers", $"{kind} capacity units", hours * a.LcuPerLoadBalancer, "LCU-hours", network ? p.NlbPerLcuHour : p.AlbPerLcuHour, true));
                    assumptions.Add($"load balancer: {a.LcuPerLoadBalancer:0.#} capacity unit on average");
                    if (Scalar(props, "internal") != "true")
                    {
                        var zones = Count(Child(props, "subnets")) + Count(Child(props, "subnetMappings"));
                        lines.Add(new CostLine("Public IPv4", $"{kind} (one per zone)", hours * zones, "address-hours", p.PublicIpv4PerHour, true));
                        lines.Add(new CostLine("Data transfer out", $"{kind} responses", a.DataTransferOutGbPerMonth, "GB", p.DataTransferOutPerGb, true));
                        assumptions.Add($"data transfer out: {a.DataTransferOutGbPerMonth:0.#} GB a month per internet-facing load balancer");
                    }
                    if (Scalar(Child(props, "accessLogs"), "enabled") == "true")
                    {
                        lines.Add(new CostLine("Logs", $"{kind} access logs in S3", a.LogsGbPerMonth, "GB-months", p.S3PerGbMonth, true));
                        assumptions.Add($"logs: {a.LogsGbPerMonth:0.#} GB a month per log");
                    }
                    break;
                }
                case "aws:ec2/flowLog:FlowLog":
                    if (Scalar(props, "logDestinationType") is null or "cloud-watch-logs")
                    {
                        lines.Add(new CostLine("Logs", "VPC flow logs to CloudWatch", a.LogsGbPerMonth, "GB ingested", p!.LogsIngestionPerGb, true));
                        assumptions.Add($"logs: {a.LogsGbPerMonth:0.#} GB a month per log");
                    }
                    break;
                case "aws:ec2/vpcEndpoint:VpcEndpoint" when Scalar(props, "vpcEndpointType") is null or "Gateway":
                    break;  // gateway endpoints (S3, DynamoDB) are free
                case "cloudflare:index/loadBalancer:LoadBalancer":
                    lines.Add(new CostLine("Cloudflare", "load balancer (2 origins included)", 1, "month", prices.CloudflareLoadBalancerPerMonth, false));
                    break;
                case "cloudflare:index/loadBalancerPool:LoadBalancerPool":
                    var origins = Count(Child(props, "origins"));
                    if (origins > 0) lines.Add(new CostLine("Cloudflare", "origins", origins, "origin-months", 0, false));
                    break;
                default:
                    if (!Free.Contains(resource.Type) && !OwnMachines.Any(prefix => resource.Type.StartsWith(prefix, StringComparison.Ordinal)))
                        notPriced.Add(resource.Type);
                    break;
            }
        }
        CloudflareOrigins(lines, prices);
        return new CostEstimate(region, Merge(lines), schedule, [.. assumptions], warnings, [.. notPriced], prices.AsOf, prices.Currency);
    }

    /// <summary>Cloudflare's add-on includes two origins per account; each further one is charged.</summary>
    private static void CloudflareOrigins(List<CostLine> lines, PriceTable prices)
    {
        var origins = lines.Where(line => line is { Category: "Cloudflare", Detail: "origins" }).Sum(line => line.Quantity);
        lines.RemoveAll(line => line is { Category: "Cloudflare", Detail: "origins" });
        if (origins > 2) lines.Add(new CostLine("Cloudflare", "origins beyond the two included", origins - 2, "origin-months", prices.CloudflareExtraOriginPerMonth, false));
    }

    /// <summary>One line per category, detail and price: "9 × m6i.large", not nine lines.</summary>
    private static List<CostLine> Merge(List<CostLine> lines) =>
        [.. lines.GroupBy(line => (line.Category, line.Detail, line.Unit, line.UnitPrice, line.TornDown))
            .Select(group => group.First() with { Quantity = group.Sum(line => line.Quantity) })
            .OrderBy(line => line.Category, StringComparer.Ordinal).ThenBy(line => line.Detail, StringComparer.Ordinal)];

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

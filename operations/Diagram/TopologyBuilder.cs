using System.Text.RegularExpressions;
using Infra.Operations.Diff;
using Infra.Operations.Graph;
using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diagram;

/// <summary>
/// Reads the topology from a synthesized program (not a hand-drawn picture): per cloud region its VPC,
/// availability zones and subnets, gateways, load balancers, servers grouped by the Services they run with
/// their data volumes, DNS records pointing at them; per Docker host its containers (databases drawn as such);
/// Cloudflare load balancers and pools. Everything else (IAM, security groups, route tables...) is left out.
/// </summary>
public static partial class TopologyBuilder
{
    private const string Internet = "internet";
    private const string Deployer = "deployer";

    /// <summary>A zone picked from a zone list: <c>${availabilityZones[0]}</c>, or a region's own list <c>${londonZones[0]}</c>.</summary>
    [GeneratedRegex(@"^\$\{(?:availabilityZones|[A-Za-z0-9]+Zones)\[(\d+)\]\}$")]
    private static partial Regex ZoneIndex();

    /// <summary>A Kubernetes API server address in a kubeconfig: <c>https://${london-lb-nlb.dnsName}:6443</c>.</summary>
    [GeneratedRegex(@"\$\{([A-Za-z0-9_-]+)\.dnsName\}:(\d+)")]
    private static partial Regex ApiServer();

    [GeneratedRegex(@"--services=([A-Za-z0-9_,-]+)|PLATFORM_SERVICES=([A-Za-z0-9_,-]+)")]
    private static partial Regex ServicesFlag();

    public static Topology Build(string programYaml) => Build(ProgramGraph.Of(programYaml));

    public static Topology Build(ProgramGraph program)
    {
        var topology = new Topology();
        var resources = program.Resources.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var byName = resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        string? Ref(YamlNode? node) => InterpolationReference.In(node).FirstOrDefault(r => byName.ContainsKey(r.Root))?.Root;
        IEnumerable<ProgramNode> OfType(string type) => resources.Where(r => r.Type == type);

        // Regions: one cluster per aws provider.
        string RegionOf(ProgramNode resource) =>
            "region:" + (InterpolationReference.WholeReference(Child(resource.Options, "provider")) ?? "aws");
        foreach (var provider in OfType("pulumi:providers:aws"))
        {
            // One provider per region (the global tier's london-aws): its name says which region of the tier it is.
            var named = provider.Name.EndsWith("-aws", StringComparison.Ordinal) ? $" · {provider.Name[..^4]}" : "";
            topology.AddCluster(new DiagramCluster("region:" + provider.Name, $"AWS {Scalar(provider.Properties, "region") ?? "(region from config)"}{named}", null));
        }

        // VPCs, zones, subnets.
        var subnetZone = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var vpc in OfType("aws:ec2/vpc:Vpc"))
            topology.AddCluster(new DiagramCluster("vpc:" + vpc.Name, $"VPC {Scalar(vpc.Properties, "cidrBlock")}", RegionOf(vpc)));
        foreach (var subnet in OfType("aws:ec2/subnet:Subnet"))
        {
            var vpc = Ref(Child(subnet.Properties, "vpcId"));
            var zoneText = Scalar(subnet.Properties, "availabilityZone") ?? "?";
            var zone = ZoneIndex().Match(zoneText) is { Success: true } m ? $"AZ {int.Parse(m.Groups[1].Value) + 1}" : zoneText;
            var zoneId = $"az:{vpc}:{zone}";
            topology.AddCluster(new DiagramCluster(zoneId, zone, "vpc:" + vpc));
            subnetZone[subnet.Name] = zoneId;
            var tier = Scalar(Child(subnet.Properties, "tags"), "subnet-tier") ?? "";
            topology.AddNode(new DiagramNode(subnet.Name, $"{tier} subnet {Scalar(subnet.Properties, "cidrBlock")}".Trim(), NodeShape.Box, zoneId));
        }

        // Gateways and the way out.
        foreach (var igw in OfType("aws:ec2/internetGateway:InternetGateway"))
        {
            topology.AddNode(new DiagramNode(Internet, "Internet", NodeShape.External, null));
            topology.AddNode(new DiagramNode(igw.Name, "Internet gateway", NodeShape.Box, "vpc:" + Ref(Child(igw.Properties, "vpcId"))));
            topology.AddEdge(new DiagramEdge(Internet, igw.Name));
        }
        var natOfRouteTable = OfType("aws:ec2/route:Route")
            .Where(route => Ref(Child(route.Properties, "natGatewayId")) is not null)
            .ToDictionary(route => Ref(Child(route.Properties, "routeTableId")) ?? "", route => Ref(Child(route.Properties, "natGatewayId"))!, StringComparer.Ordinal);
        foreach (var nat in OfType("aws:ec2/natGateway:NatGateway"))
        {
            var subnet = Ref(Child(nat.Properties, "subnetId"));
            topology.AddNode(new DiagramNode(nat.Name, "NAT gateway", NodeShape.Box, subnet is not null ? subnetZone.GetValueOrDefault(subnet) : null));
        }
        foreach (var association in OfType("aws:ec2/routeTableAssociation:RouteTableAssociation"))
        {
            if (natOfRouteTable.GetValueOrDefault(Ref(Child(association.Properties, "routeTableId")) ?? "") is { } nat
                && Ref(Child(association.Properties, "subnetId")) is { } subnet)
                topology.AddEdge(new DiagramEdge(subnet, nat, "0.0.0.0/0"));
        }

        // Load balancers and what they send traffic to.
        foreach (var lb in OfType("aws:lb/loadBalancer:LoadBalancer"))
        {
            var kind = Scalar(lb.Properties, "loadBalancerType") == "network" ? "NLB" : "ALB";
            var ports = resources.Where(r => r.Type == "aws:lb/listener:Listener" && Ref(Child(r.Properties, "loadBalancerArn")) == lb.Name)
                .Select(r => $"{Scalar(r.Properties, "protocol")} {Scalar(r.Properties, "port")}").Order(StringComparer.Ordinal);
            var firstSubnet = Ref(Child(lb.Properties, "subnets")) ?? Ref(Child(lb.Properties, "subnetMappings"));
            var vpc = Ref(Child(byName.GetValueOrDefault(firstSubnet ?? "")?.Properties, "vpcId"));
            topology.AddNode(new DiagramNode(lb.Name, $"{kind} {lb.Name}\n{string.Join(", ", ports)}", NodeShape.Box, vpc is null ? RegionOf(lb) : "vpc:" + vpc));
            if (Scalar(lb.Properties, "internal") != "true")
            {
                var igw = OfType("aws:ec2/internetGateway:InternetGateway").FirstOrDefault(g => "vpc:" + Ref(Child(g.Properties, "vpcId")) == "vpc:" + vpc);
                topology.AddEdge(new DiagramEdge(igw?.Name ?? Internet, lb.Name));
            }
        }
        var lbOfTargetGroup = new Dictionary<string, string>(StringComparer.Ordinal);
        var portOfTargetGroup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in resources.Where(r => r.Type is "aws:lb/listenerRule:ListenerRule" or "aws:lb/listener:Listener"))
        {
            var listener = rule.Type == "aws:lb/listener:Listener" ? rule : byName.GetValueOrDefault(Ref(Child(rule.Properties, "listenerArn")) ?? "");
            var lb = listener is null ? null : Ref(Child(listener.Properties, "loadBalancerArn"));
            foreach (var reference in InterpolationReference.In(Child(rule.Properties, rule.Type == "aws:lb/listener:Listener" ? "defaultActions" : "actions")))
                if (lb is not null && byName.TryGetValue(reference.Root, out var target) && target.Type == "aws:lb/targetGroup:TargetGroup")
                {
                    lbOfTargetGroup[target.Name] = lb;
                    if (rule.Type == "aws:lb/listener:Listener") portOfTargetGroup[target.Name] = $"{Scalar(rule.Properties, "protocol")} {Scalar(rule.Properties, "port")}";
                }
        }

        // Servers, grouped by the Services they run, with their data volumes.
        var volumesOf = OfType("aws:ec2/volumeAttachment:VolumeAttachment")
            .GroupBy(a => Ref(Child(a.Properties, "instanceId")) ?? "")
            .ToDictionary(g => g.Key, g => g.Select(a => Ref(Child(a.Properties, "volumeId"))).OfType<string>().ToList(), StringComparer.Ordinal);
        foreach (var instance in OfType("aws:ec2/instance:Instance"))
        {
            var props = instance.Properties;
            var template = byName.GetValueOrDefault(Ref(Child(Child(props, "launchTemplate"), "id")) ?? "");
            var type = Scalar(props, "instanceType") ?? Scalar(template?.Properties, "instanceType") ?? "";
            var subnet = Ref(Child(props, "subnetId"));
            var where = subnet is null ? "" : $"{subnet} ({topology.Clusters.FirstOrDefault(c => c.Id == subnetZone.GetValueOrDefault(subnet))?.Label})";
            var services = Scalar(Child(props, "tags"), "services");
            var vpc = subnet is null ? null : Ref(Child(byName.GetValueOrDefault(subnet)?.Properties, "vpcId"));
            var vpcCluster = vpc is null ? RegionOf(instance) : "vpc:" + vpc;
            string cluster;
            if (services is null)
            {
                cluster = vpcCluster;
            }
            else
            {
                cluster = $"service:{vpc}:{services}";
                topology.AddCluster(new DiagramCluster(cluster, $"Service {services.Replace(",", ", ")}", vpcCluster));
            }
            var ip = Scalar(props, "privateIp");
            topology.AddNode(new DiagramNode(instance.Name, $"{instance.Name}\n{type}{(ip is null ? "" : " · " + ip)}\n{where}", NodeShape.Box, cluster));
            if (services is not null && volumesOf.TryGetValue(instance.Name, out var volumes) && volumes.Count > 0)
            {
                var sizes = volumes.Select(v => byName.GetValueOrDefault(v)?.Properties).Select(p => $"{Scalar(p, "size")} GB {Scalar(p, "type")}").Distinct();
                var count = resources.Count(r => r.Type == "aws:ec2/instance:Instance" && Scalar(Child(r.Properties, "tags"), "services") == services);
                topology.AddNode(new DiagramNode($"data:{cluster}", $"data volumes\n{count} × {string.Join(", ", sizes)}", NodeShape.Database, cluster));
                topology.AddEdge(new DiagramEdge(instance.Name, $"data:{cluster}"));
            }
            if (services is null && Scalar(props, "associatePublicIpAddress") == "true")
                topology.AddEdge(new DiagramEdge(Internet, instance.Name, "public IP"));
        }
        foreach (var attachment in OfType("aws:lb/targetGroupAttachment:TargetGroupAttachment"))
        {
            var group = Ref(Child(attachment.Properties, "targetGroupArn"));
            var target = Ref(Child(attachment.Properties, "targetId"));
            if (group is not null && target is not null && lbOfTargetGroup.TryGetValue(group, out var lb))
                topology.AddEdge(new DiagramEdge(lb, target));
        }
        foreach (var database in resources.Where(r => r.Type is "aws:rds/instance:Instance" or "aws:rds/cluster:Cluster"))
            topology.AddNode(new DiagramNode(database.Name, $"{database.Name}\n{Scalar(database.Properties, "engine")}", NodeShape.Database, RegionOf(database)));

        // Auto-scaling groups: a node group each, with what its launch template's user-data runs (Consul and
        // Nomad servers or clients of a node class), fed by the load balancers whose target groups it joins.
        var groupOfClass = new Dictionary<string, string>(StringComparer.Ordinal);
        var groupOfTargetGroup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in OfType("aws:autoscaling/group:Group"))
        {
            var props = group.Properties;
            var template = byName.GetValueOrDefault(Ref(Child(Child(props, "launchTemplate"), "id")) ?? "");
            var type = Scalar(template?.Properties, "instanceType") ?? "?";
            var count = Scalar(props, "desiredCapacity") ?? Scalar(props, "minSize") ?? "?";
            var agents = ClusterAgents.Of(Child(template?.Properties, "userData"));
            var subnet = Ref(Child(props, "vpcZoneIdentifiers"));
            var vpc = subnet is null ? null : Ref(Child(byName.GetValueOrDefault(subnet)?.Properties, "vpcId"));
            var label = TagValue(Child(props, "tags"), "node-group") ?? group.Name;
            var clusterId = "group:" + group.Name;
            topology.AddCluster(new DiagramCluster(clusterId, $"node group {label} (auto-scaling)", vpc is null ? RegionOf(group) : "vpc:" + vpc));
            var roles = agents.Roles.Count == 0 ? "" : "\n" + string.Join(" · ", agents.Roles);
            topology.AddNode(new DiagramNode(group.Name, $"{count} × {type}{roles}", NodeShape.Box, clusterId));
            if (agents.NodeClass is { } nodeClass) groupOfClass.TryAdd(RegionOf(group) + "/" + nodeClass, group.Name);
            var fedBy = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var targetGroup in InterpolationReference.In(Child(props, "targetGroupArns")).Select(r => r.Root).Distinct())
            {
                groupOfTargetGroup[targetGroup] = group.Name;
                if (lbOfTargetGroup.TryGetValue(targetGroup, out var lb))
                {
                    if (!fedBy.TryGetValue(lb, out var ports)) fedBy[lb] = ports = new SortedSet<string>(StringComparer.Ordinal);
                    if (portOfTargetGroup.TryGetValue(targetGroup, out var port)) ports.Add(port);
                }
            }
            foreach (var (lb, ports) in fedBy)
                topology.AddEdge(new DiagramEdge(lb, group.Name, ports.Count == 0 ? null : string.Join(", ", ports)));
        }

        // Nomad jobs, on the node group of the class their constraint names.
        foreach (var job in OfType("nomad:index/job:Job"))
        {
            var spec = NomadJob.Of(Scalar(job.Properties, "jobspec"), job.Name);
            var region = RegionThrough(job, byName);
            var host = spec.NodeClass is { } wanted && groupOfClass.TryGetValue(region + "/" + wanted, out var found) ? "group:" + found : null;
            topology.AddNode(new DiagramNode(job.Name, $"Nomad job {spec.Id}{(spec.Placement.Length == 0 ? "" : "\n" + spec.Placement)}", NodeShape.Box, host ?? (topology.Clusters.Any(c => c.Id == region) ? region : null)));
        }

        // Kubernetes: one cluster per provider, on the node group its API server's load balancer forwards to,
        // with its workloads (StatefulSets, Deployments, Helm releases).
        foreach (var provider in OfType("pulumi:providers:kubernetes"))
        {
            var api = ApiServer().Match(Flatten(provider.Properties));
            string? host = null;
            if (api.Success)
            {
                var targetGroup = lbOfTargetGroup.Where(pair => pair.Value == api.Groups[1].Value)
                    .Select(pair => pair.Key).Order(StringComparer.Ordinal)
                    .FirstOrDefault(tg => portOfTargetGroup.GetValueOrDefault(tg)?.EndsWith(" " + api.Groups[2].Value, StringComparison.Ordinal) == true);
                if (targetGroup is not null && groupOfTargetGroup.TryGetValue(targetGroup, out var group)) host = "group:" + group;
            }
            var runsK3s = host is not null && topology.Nodes.Any(n => n.Cluster == host && n.Label.StartsWith("Nomad job k3s", StringComparison.Ordinal));
            var clusterId = "k8s:" + provider.Name;
            var region = RegionThrough(provider, byName);
            topology.AddCluster(new DiagramCluster(clusterId, runsK3s ? "Kubernetes (k3s)" : "Kubernetes", host ?? (topology.Clusters.Any(c => c.Id == region) ? region : null)));
            foreach (var workload in resources.Where(r => InterpolationReference.WholeReference(Child(r.Options, "provider")) == provider.Name))
            {
                var metadata = Child(workload.Properties, "metadata");
                var label = workload.Type switch
                {
                    "kubernetes:apps/v1:StatefulSet" => $"StatefulSet {Scalar(metadata, "name")} × {Scalar(Child(workload.Properties, "spec"), "replicas") ?? "1"}",
                    "kubernetes:apps/v1:Deployment" => $"Deployment {Scalar(metadata, "name")} × {Scalar(Child(workload.Properties, "spec"), "replicas") ?? "1"}",
                    "kubernetes:helm.sh/v3:Release" => $"Helm release {Scalar(workload.Properties, "chart") ?? workload.Name}",
                    _ => null,
                };
                if (label is not null) topology.AddNode(new DiagramNode(workload.Name, label, NodeShape.Box, clusterId));
            }
        }

        // Cloudflare load balancing.
        foreach (var lb in OfType("cloudflare:index/loadBalancer:LoadBalancer"))
        {
            topology.AddCluster(new DiagramCluster("cloudflare", "Cloudflare", null));
            topology.AddNode(new DiagramNode(lb.Name, $"load balancer {Scalar(lb.Properties, "name")}", NodeShape.Box, "cloudflare"));
            foreach (var pool in InterpolationReference.In(lb.Properties).Select(r => r.Root).Distinct().Where(byName.ContainsKey))
            {
                if (byName[pool].Type != "cloudflare:index/loadBalancerPool:LoadBalancerPool") continue;
                var monitor = byName.GetValueOrDefault(Ref(Child(byName[pool].Properties, "monitor")) ?? "")?.Properties;
                var health = monitor is null ? "" : $"\nhealth: {Scalar(monitor, "type")?.ToUpperInvariant()} {Scalar(monitor, "path")}".TrimEnd();
                topology.AddNode(new DiagramNode(pool, $"pool {Scalar(byName[pool].Properties, "name")}{health}", NodeShape.Box, "cloudflare"));
                topology.AddEdge(new DiagramEdge(lb.Name, pool));
                // An origin's address is an Elastic IP a load balancer's subnet mapping holds: the pool sends there.
                foreach (var address in InterpolationReference.In(Child(byName[pool].Properties, "origins")).Select(r => r.Root).Distinct())
                    foreach (var target in OfType("aws:lb/loadBalancer:LoadBalancer")
                                 .Where(l => InterpolationReference.In(Child(l.Properties, "subnetMappings")).Any(r => r.Root == address)))
                        topology.AddEdge(new DiagramEdge(pool, target.Name));
            }
        }

        // Readiness gates: commands that run on the machine running pulumi up and poll a load balancer's port
        // (https://${london-lb-nlb.dnsName}:4646) until the API behind it answers; one edge per load balancer.
        var gatePorts = new SortedDictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        foreach (var gate in OfType("command:local:Command"))
        {
            if (ApiServer().Match(Flatten(Child(gate.Properties, "environment"))) is not { Success: true } polled
                || !byName.TryGetValue(polled.Groups[1].Value, out var lb) || lb.Type != "aws:lb/loadBalancer:LoadBalancer") continue;
            if (!gatePorts.TryGetValue(lb.Name, out var ports)) gatePorts[lb.Name] = ports = [];
            ports.Add(int.Parse(polled.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var (lb, ports) in gatePorts)
        {
            topology.AddNode(new DiagramNode(Deployer, "the machine running pulumi up", NodeShape.External, null));
            topology.AddEdge(new DiagramEdge(Deployer, lb, $"readiness gates: {string.Join(", ", ports)}"));
        }

        // Docker hosts and their containers.
        foreach (var container in OfType("docker:index/container:Container"))
        {
            var provider = InterpolationReference.WholeReference(Child(container.Options, "provider")) ?? "docker";
            var host = Scalar(byName.GetValueOrDefault(provider)?.Properties, "host");
            var hostId = "host:" + provider;
            topology.AddCluster(new DiagramCluster(hostId, host is null ? "Docker on this machine" : $"Docker host {host}", null));
            var image = Ref(Child(container.Properties, "image")) is { } imageResource ? Scalar(byName[imageResource].Properties, "name") ?? "" : "";
            var isDatabase = Regex.IsMatch(image + " " + container.Name, "postgres|patroni|etcd|-db-|^db-", RegexOptions.IgnoreCase);
            var services = ServicesFlag().Match(Flatten(container.Properties)) is { Success: true } m
                ? "\nServices: " + (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Replace(",", ", ")
                : "";
            var shortImage = image.Split('@')[0].Split('/')[^1];
            var ports = Child(container.Properties, "ports") is YamlSequenceNode list && list.Children.Count > 0
                ? "\nports " + string.Join(", ", list.Children.Select(p => $"{Scalar(p, "ip") ?? "*"}:{Scalar(p, "external") ?? "?"}→{Scalar(p, "internal")}"))
                : "";
            topology.AddNode(new DiagramNode(container.Name, $"{container.Name}\n{shortImage}{services}{ports}", isDatabase ? NodeShape.Database : NodeShape.Box, hostId));
        }
        foreach (var container in OfType("docker:index/container:Container"))
        {
            foreach (var other in InterpolationReference.In(container.Properties).Select(r => r.Root).Distinct())
                if (other != container.Name && byName.TryGetValue(other, out var target) && target.Type == "docker:index/container:Container")
                    topology.AddEdge(new DiagramEdge(container.Name, other));
        }

        // DNS names pointing at what the picture shows.
        foreach (var record in resources.Where(r => r.Type is "aws:route53/record:Record" or "cloudflare:index/record:Record" or "cloudflare:index/dnsRecord:DnsRecord"))
        {
            var shown = InterpolationReference.In(record.Properties).Select(r => r.Root).Distinct().Where(n => topology.Nodes.Any(node => node.Id == n)).ToList();
            var name = Scalar(record.Properties, "name") ?? record.Name;
            if (shown.Count == 0 && name.Contains("${", StringComparison.Ordinal)) continue;  // e.g. a certificate's validation record
            topology.AddCluster(new DiagramCluster("dns", "DNS", null));
            topology.AddNode(new DiagramNode(record.Name, $"{name}\n{Scalar(record.Properties, "type")}", NodeShape.Dns, "dns"));
            foreach (var target in shown) topology.AddEdge(new DiagramEdge(record.Name, target));
        }

        // Clusters nothing landed in (a region with only IAM) are left out.
        topology.Clusters.RemoveAll(cluster => !Used(topology, cluster.Id));
        return topology;
    }

    /// <summary>
    /// The region cluster of a resource on another provider (Nomad, Kubernetes): the aws region of what its
    /// provider's configuration refers to (the region's load balancer).
    /// </summary>
    private static string RegionThrough(ProgramNode resource, IReadOnlyDictionary<string, ProgramNode> byName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<ProgramNode>([resource]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (!seen.Add(node.Name)) continue;
            if (InterpolationReference.WholeReference(Child(node.Options, "provider")) is { } provider
                && byName.TryGetValue(provider, out var providerNode))
            {
                if (providerNode.Type == "pulumi:providers:aws") return "region:" + provider;
                queue.Enqueue(providerNode);
            }
            foreach (var reference in InterpolationReference.In(node.Properties).Select(r => r.Root).Distinct().Order(StringComparer.Ordinal))
                if (byName.TryGetValue(reference, out var referenced)) queue.Enqueue(referenced);
        }
        return "region:aws";
    }

    /// <summary>A tag's value in an auto-scaling group's tag list (<c>[{key, value, propagateAtLaunch}]</c>).</summary>
    private static string? TagValue(YamlNode? tags, string key) =>
        tags is YamlSequenceNode list
            ? list.Children.FirstOrDefault(tag => Scalar(tag, "key") == key) is { } found ? Scalar(found, "value") : null
            : Scalar(tags, key);

    private static bool Used(Topology topology, string clusterId) =>
        topology.Nodes.Any(n => n.Cluster == clusterId) || topology.Clusters.Any(c => c.Parent == clusterId && Used(topology, c.Id));

    private static string Flatten(YamlNode? node) => node switch
    {
        YamlScalarNode { Value: { } value } => value,
        YamlSequenceNode list => string.Join(' ', list.Children.Select(Flatten)),
        YamlMappingNode map => string.Join(' ', map.Children.Select(p => Flatten(p.Value))),
        _ => "",
    };

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node, string key) => Child(node, key) is YamlScalarNode { Value: { } value } ? value : null;
}

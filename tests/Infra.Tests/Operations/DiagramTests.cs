using System.Text.RegularExpressions;
using Infra.Operations.Diagram;
using Infra.Tests.Dc9;
using Infra.Tests.Support;

namespace Infra.Tests.Operations;

/// <summary>The diagram's content, read from the synthesized programs, and its two renderings.</summary>
public class DiagramTests
{
    private static readonly Lazy<Topology> Dc9 = new(() => TopologyBuilder.Build(Dc9Synth.Yaml()));

    private static DiagramNode Node(Topology topology, string id) => Assert.Single(topology.Nodes, n => n.Id == id);

    private static IEnumerable<string> Ancestry(Topology topology, string? cluster)
    {
        for (var c = cluster; c is not null; c = topology.Clusters.Single(x => x.Id == c).Parent)
            yield return topology.Clusters.Single(x => x.Id == c).Label;
    }

    [Fact]
    public void Dc9_shows_region_vpc_zones_and_subnets()
    {
        var topology = Dc9.Value;
        Assert.Equal(["AZ 1", "VPC 10.0.0.0/16", "AWS eu-west-1"], Ancestry(topology, Node(topology, "network-private-0").Cluster));
        Assert.Equal(["AZ 1", "AZ 2", "AZ 3"], topology.Clusters.Where(c => c.Id.StartsWith("az:", StringComparison.Ordinal)).Select(c => c.Label).Order());
        var subnets = topology.Nodes.Where(n => n.Label.Contains("subnet", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, subnets.Count);
        Assert.Equal("private subnet 10.0.64.0/21", Node(topology, "network-private-0").Label);
        // Each private subnet's default route leaves through the NAT gateway.
        Assert.Equal(3, topology.Edges.Count(e => e.To == "network-nat-0" && e.Label == "0.0.0.0/0"));
        Assert.Contains(new DiagramEdge("internet", "network-igw"), topology.Edges);
    }

    [Fact]
    public void Dc9_groups_servers_by_Service_with_their_data_and_the_load_balancer_in_front()
    {
        var topology = Dc9.Value;
        foreach (var service in new[] { "gateway", "accounts", "events" })
        {
            var cluster = Assert.Single(topology.Clusters, c => c.Label == $"Service {service}");
            Assert.Equal("VPC 10.0.0.0/16", Ancestry(topology, cluster.Parent).First());
            var servers = topology.Nodes.Where(n => n.Cluster == cluster.Id && n.Shape == NodeShape.Box).Select(n => n.Id).Order().ToList();
            Assert.Equal([$"fleet-{service}-1", $"fleet-{service}-2", $"fleet-{service}-3"], servers);
            var data = Assert.Single(topology.Nodes, n => n.Cluster == cluster.Id && n.Shape == NodeShape.Database);
            Assert.Equal("data volumes\n3 × 50 GB gp3", data.Label);
            Assert.All(servers, server => Assert.Contains(new DiagramEdge("alb-lb", server), topology.Edges));
        }
        Assert.StartsWith("fleet-gateway-1\nm6i.large · 10.0.64.64\nnetwork-private-0 (AZ 1)", Node(topology, "fleet-gateway-1").Label);
        Assert.Equal("ALB alb-lb\nHTTP 80, HTTPS 443", Node(topology, "alb-lb").Label);
        Assert.Contains(new DiagramEdge("network-igw", "alb-lb"), topology.Edges);
        Assert.Contains(new DiagramEdge("internet", "bastion-instance", "public IP"), topology.Edges);

        // DNS: the host name points at the load balancer; the certificate's validation record is left out.
        Assert.Equal("api.dev.example.com\nA", Node(topology, "dns-host-api").Label);
        Assert.Contains(new DiagramEdge("dns-host-api", "alb-lb"), topology.Edges);
        Assert.DoesNotContain(topology.Nodes, n => n.Id == "dns-cert-validation");
        // Nothing that is not part of the picture: no IAM, security groups or route tables.
        Assert.DoesNotContain(topology.Nodes, n => n.Id.StartsWith("sg-", StringComparison.Ordinal) || n.Id.Contains("role", StringComparison.Ordinal));
    }

    [Fact]
    public void Docker_tiers_show_hosts_containers_and_databases()
    {
        var laptop = TopologyBuilder.Build(Synth.Yaml("laptop"));
        Assert.Equal(NodeShape.Database, Node(laptop, "db-server").Shape);
        Assert.Contains("Services: gateway, accounts, events", Node(laptop, "app-server").Label);
        Assert.Contains("ports 127.0.0.1:8080→8080", Node(laptop, "app-server").Label);

        var onprem3 = TopologyBuilder.Build(Synth.Yaml("onprem3"));
        var hosts = onprem3.Clusters.Select(c => c.Label).Order().ToList();
        Assert.Equal(["Docker host ssh://deploy@192.0.2.11:22", "Docker host ssh://deploy@192.0.2.12:22", "Docker host ssh://deploy@192.0.2.13:22"], hosts);
        Assert.All(new[] { 1, 2, 3 }, i => Assert.Equal(NodeShape.Database, Node(onprem3, $"server-{i}-db-patroni").Shape));
    }

    private const string Before = """
        resources:
          aws: {type: "pulumi:providers:aws", properties: {region: eu-west-1}}
          vpc: {type: "aws:ec2/vpc:Vpc", properties: {cidrBlock: 10.0.0.0/16}}
          subnet-a: {type: "aws:ec2/subnet:Subnet", properties: {vpcId: "${vpc.id}", cidrBlock: 10.0.0.0/24, availabilityZone: eu-west-1a}}
          web-1:
            type: aws:ec2/instance:Instance
            properties: {instanceType: t3.small, subnetId: "${subnet-a.id}", tags: {services: web}}
          old-1:
            type: aws:ec2/instance:Instance
            properties: {instanceType: t3.small, subnetId: "${subnet-a.id}", tags: {services: legacy}}
        """;

    private static readonly string After = Before.Replace("""
          old-1:
            type: aws:ec2/instance:Instance
            properties: {instanceType: t3.small, subnetId: "${subnet-a.id}", tags: {services: legacy}}
        """, """
          api-1:
            type: aws:ec2/instance:Instance
            properties: {instanceType: t3.small, subnetId: "${subnet-a.id}", tags: {services: api}}
        """);

    [Fact]
    public void Compared_with_a_base_added_and_removed_parts_are_marked()
    {
        var marked = Topology.Compare(TopologyBuilder.Build(Before), TopologyBuilder.Build(After));
        Assert.Equal(PartStatus.Added, marked.StatusOf("api-1"));
        Assert.Equal(PartStatus.Added, marked.StatusOf("service:vpc:api"));
        Assert.Equal(PartStatus.Removed, marked.StatusOf("old-1"));
        Assert.Equal(PartStatus.Removed, marked.StatusOf("service:vpc:legacy"));
        Assert.Equal(PartStatus.Same, marked.StatusOf("web-1"));
        Assert.Equal(PartStatus.Same, marked.StatusOf("subnet-a"));

        var mermaid = DiagramRenderer.Mermaid(marked);
        Assert.Contains("n_api_1[\"+ api-1<br/>t3.small<br/>subnet-a (eu-west-1a)\"]", mermaid);
        Assert.Contains("n_old_1[\"− old-1<br/>t3.small<br/>subnet-a (eu-west-1a)\"]", mermaid);
        Assert.Contains("class n_api_1,n_service_vpc_api added", mermaid);
        Assert.Contains("class n_old_1,n_service_vpc_legacy removed", mermaid);

        var dot = DiagramRenderer.Dot(marked, "test");
        Assert.Matches("n_api_1 \\[label=\"\\+ api-1\\\\nt3.small.*fillcolor=\"#dafbe1\"", dot);
        Assert.Matches("n_old_1 \\[label=\"− old-1.*style=\"rounded,filled,dashed\"", dot);
    }

    [Fact]
    public void Mermaid_is_well_formed_and_deterministic()
    {
        var mermaid = DiagramRenderer.Mermaid(Dc9.Value);
        Assert.StartsWith("flowchart TB\n", mermaid);
        Assert.Equal(Regex.Matches(mermaid, @"^\s*subgraph ", RegexOptions.Multiline).Count, Regex.Matches(mermaid, @"^\s*end$", RegexOptions.Multiline).Count);
        var declared = Regex.Matches(mermaid, @"^\s+(n_[A-Za-z0-9_]+)[\[\(\{]", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(declared.Count, declared.Distinct().Count());
        foreach (Match edge in Regex.Matches(mermaid, @"^\s+(n_\w+) -->(?:\|[^|]*\|)? (n_\w+)$", RegexOptions.Multiline))
        {
            Assert.Contains(edge.Groups[1].Value, declared);
            Assert.Contains(edge.Groups[2].Value, declared);
        }
        Assert.DoesNotContain("\"\"", mermaid);
        Assert.Equal(mermaid, DiagramRenderer.Mermaid(TopologyBuilder.Build(Dc9Synth.Yaml())));
    }

    [Fact]
    public void Graphviz_draws_svg_and_png()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "dot")));
        if (!onPath)
            Assert.Fail("Graphviz's dot is not installed (the Debian package graphviz, which .ci/run installs): the SVG and PNG rendering is not checked.");
        var dot = DiagramRenderer.Dot(Dc9.Value, "Stack dc9");
        var svg = System.Text.Encoding.UTF8.GetString(Graphviz.Render(dot, "svg"));
        Assert.Contains("<svg", svg);
        Assert.Contains("Service gateway", svg);
        Assert.Contains("api.dev.example.com", svg);
        var png = Graphviz.Render(dot, "png");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    private static readonly Lazy<Topology> Global = new(() => TopologyBuilder.Build(Synth.Yaml("global")));

    [Fact]
    public void Global_draws_each_region_with_its_vpc_zones_subnets_and_load_balancers()
    {
        var topology = Global.Value;
        Assert.Equal(["AWS eu-central-1 · frankfurt", "AWS eu-west-2 · london", "AWS us-east-2 · dallas"],
            topology.Clusters.Where(c => c.Parent is null && c.Id.StartsWith("region:", StringComparison.Ordinal)).Select(c => c.Label).Order(StringComparer.Ordinal));
        // A region's zone list (${londonZones[0]}) reads as AZ 1, like dc9's.
        Assert.Equal(["AZ 1", "VPC 10.20.0.0/16", "AWS eu-west-2 · london"], Ancestry(topology, Node(topology, "london-network-private-0").Cluster));
        Assert.Equal(9 * 2, topology.Nodes.Count(n => n.Label.Contains(" subnet 10.2", StringComparison.Ordinal)));
        Assert.Equal(9, topology.Nodes.Count(n => n.Label == "NAT gateway"));
        // The public NLB sits in the VPC (its subnet mappings say which), behind the internet gateway; the internal one does not face it.
        Assert.Equal("VPC 10.20.0.0/16", Ancestry(topology, Node(topology, "london-lb-nlb").Cluster).First());
        Assert.StartsWith("NLB london-lb-nlb\n", Node(topology, "london-lb-nlb").Label);
        Assert.Contains(new DiagramEdge("london-network-igw", "london-lb-nlb"), topology.Edges);
        Assert.DoesNotContain(topology.Edges, e => e.To == "london-ilb-nlb");
    }

    [Fact]
    public void Global_draws_the_Nomad_and_Consul_groups_k3s_and_its_workloads_per_region()
    {
        var topology = Global.Value;
        foreach (var region in new[] { "london", "frankfurt", "dallas" })
        {
            // Roles come from the agent configuration each launch template's user-data writes.
            Assert.Equal("3 × m6i.large\nConsul server · Nomad server", Node(topology, $"{region}-fleet-servers-group").Label);
            Assert.Equal("3 × m6i.xlarge\nConsul client · Nomad client (class k3s)", Node(topology, $"{region}-fleet-k3s-group").Label);
            Assert.Contains("Nomad client (class worker)", Node(topology, $"{region}-fleet-workers-group").Label);
            var k3sGroup = Node(topology, $"{region}-fleet-k3s-group").Cluster;
            Assert.Equal("node group k3s (auto-scaling)", topology.Clusters.Single(c => c.Id == k3sGroup).Label);

            // Nomad jobs land on the group of the node class their constraint names.
            Assert.Equal("Nomad job k3s-server\n3 allocations", Node(topology, $"{region}-cluster-k3s-server").Label);
            Assert.Equal(k3sGroup, Node(topology, $"{region}-cluster-k3s-server").Cluster);
            Assert.Equal("Nomad job ingress-gateway\none on every node", Node(topology, $"{region}-cluster-ingress-gateway").Label);

            // Kubernetes runs on the group its API server's NLB listener (6443) forwards to, with the platform's Services.
            var kubernetes = Assert.Single(topology.Clusters, c => c.Id == $"k8s:{region}-k8s-kubernetes");
            Assert.Equal("Kubernetes (k3s)", kubernetes.Label);
            Assert.Equal(k3sGroup, kubernetes.Parent);
            foreach (var service in new[] { "gateway", "accounts", "events" })
                Assert.Equal($"StatefulSet {service} × 3", Node(topology, $"{region}-k8s-{service}").Label);
            Assert.Equal(kubernetes.Id, Node(topology, $"{region}-k8s-gateway").Cluster);

            // The load balancers feed the groups whose target groups they forward to, labelled with the ports.
            Assert.Contains(topology.Edges, e => e.From == $"{region}-lb-nlb" && e.To == $"{region}-fleet-k3s-group" && e.Label!.Contains("TCP 6443", StringComparison.Ordinal));
            Assert.Contains(topology.Edges, e => e.From == $"{region}-lb-nlb" && e.To == $"{region}-fleet-servers-group" && e.Label!.Contains("TCP 4646", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Global_draws_the_Cloudflare_load_balancer_steering_to_each_regions_NLB_and_the_DNS_names()
    {
        var topology = Global.Value;
        Assert.Equal("load balancer api.global.example.com", Node(topology, "geo-lb-api").Label);
        foreach (var region in new[] { "london", "frankfurt", "dallas" })
        {
            Assert.Equal($"pool global-{region}\nhealth: HTTP /healthz", Node(topology, $"geo-pool-{region}").Label);
            Assert.Contains(new DiagramEdge("geo-lb-api", $"geo-pool-{region}"), topology.Edges);
            // The pool's origins are the Elastic IPs of the region's NLB subnet mappings.
            Assert.Contains(new DiagramEdge($"geo-pool-{region}", $"{region}-lb-nlb"), topology.Edges);
            Assert.Equal($"{region}.global.example.com\nCNAME", Node(topology, $"geo-api-{region}").Label);
            Assert.Contains(new DiagramEdge($"geo-api-{region}", $"{region}-lb-nlb"), topology.Edges);
        }
    }

    [Fact]
    public void Global_draws_the_readiness_gates_from_the_deploying_machine_to_each_regions_NLB()
    {
        var topology = Global.Value;
        Assert.Equal(NodeShape.External, Node(topology, "deployer").Shape);
        Assert.Null(Node(topology, "deployer").Cluster);
        foreach (var region in new[] { "london", "frankfurt", "dallas" })
            Assert.Contains(new DiagramEdge("deployer", $"{region}-lb-nlb", "readiness gates: 4646, 6443, 8501"), topology.Edges);
        Assert.Equal(3, topology.Edges.Count(e => e.From == "deployer"));
        // dc9 has no gate, so no deploying machine either.
        Assert.DoesNotContain(Dc9.Value.Nodes, n => n.Id == "deployer");
    }

    [Fact]
    public void Several_regions_are_stacked_left_to_right_and_one_region_keeps_its_top_down_picture()
    {
        var global = DiagramRenderer.Dot(Global.Value, "Stack global");
        Assert.Contains("rankdir=LR;", global);
        Assert.Contains("[style=invis];", global);  // a group's unconnected parts kept in a row
        var dc9 = DiagramRenderer.Dot(Dc9.Value, "Stack dc9");
        Assert.Contains("rankdir=TB;", dc9);
        Assert.DoesNotContain("style=invis", dc9);
    }

    private sealed class FixedSynthesizer(string program) : Infra.Operations.ISynthesizer
    {
        public string Synthesize(string projectRoot, string stack) => program;
    }

    [Fact]
    public void The_pull_request_comment_shows_a_changed_tiers_diagram_with_its_marks()
    {
        var project = Directory.CreateTempSubdirectory("infra-diagram-test-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(project, "Pulumi.yaml"), "name: infra\nruntime: yaml\n");
            File.WriteAllText(Path.Combine(project, "base.yaml"), Before);
            var output = new StringWriter();
            var root = new System.CommandLine.RootCommand("infra") { Infra.Cli.Commands.DiffCommand.Create(new FixedSynthesizer(After)) };
            var exit = root.Parse(["diff", "dev", "--base-file", Path.Combine(project, "base.yaml"), "--format", "markdown", "--project-dir", project])
                .Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = new StringWriter() });
            Assert.Equal(0, exit);
            var markdown = output.ToString();
            Assert.Contains("<details><summary>Diagram: added parts green (+), removed parts red and dashed (−)</summary>\n\n```mermaid\nflowchart TB\n", markdown);
            Assert.Contains("class n_old_1,n_service_vpc_legacy removed", markdown);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }
}

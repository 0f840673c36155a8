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

using Infra.Platform.Network;

namespace Infra.Tests.Network;

public class ReachabilityAnalyzerTests
{
    private static readonly Ipv4Cidr Vpc = Ipv4Cidr.Parse("10.0.0.0/16");
    private static readonly Ipv4Cidr Office = Ipv4Cidr.Parse("203.0.113.0/24");
    private static readonly Ipv4Cidr Anywhere = Ipv4Cidr.Parse("0.0.0.0/0");

    private static readonly NetworkEndpoint[] Endpoints =
    [
        NetworkEndpoint.Internet(Vpc),
        new("alb", ["alb"], [Ipv4Cidr.Parse("10.0.0.0/18")]),
        new("bastion", ["bastion"], [Ipv4Cidr.Parse("10.0.0.0/18")]),
        new("server", ["server"], [Ipv4Cidr.Parse("10.0.64.0/18")]),
    ];

    /// <summary>The dc9 intent, written by hand: what the synthesized groups must also reduce to.</summary>
    private static List<SecurityGroup> Dc9Groups() =>
    [
        new("alb", [SecurityGroupRule.Tcp(443, Anywhere), SecurityGroupRule.Tcp(80, Anywhere)], [SecurityGroupRule.TcpFromGroup(8080, "server")]),
        new("server",
            [SecurityGroupRule.TcpFromGroup(8080, "alb"), new("tcp", 7070, 7070, Self: true), new("tcp", 7071, 7071, Self: true), SecurityGroupRule.TcpFromGroup(22, "bastion")],
            [new("tcp", 7070, 7071, Self: true), SecurityGroupRule.Tcp(443, Anywhere)]),
        new("bastion", [SecurityGroupRule.Tcp(22, Office)], [SecurityGroupRule.TcpFromGroup(22, "server")]),
    ];

    private static string[] Paths(IEnumerable<SecurityGroup> groups) =>
        ReachabilityAnalyzer.Analyze(groups.ToList(), Endpoints).Select(p => p.ToString()).ToArray();

    [Fact]
    public void Dc9_intent_gives_exactly_the_intended_paths()
    {
        Assert.Equal(
            [
                "internet -> alb tcp/80", "internet -> alb tcp/443", "internet -> bastion tcp/22",
                "alb -> server tcp/8080",
                "bastion -> server tcp/22",
                // Egress 443 to anywhere includes the ALB's own listener (hairpin through its private
                // addresses); the analysis shows it, so the intent has to list it too.
                "server -> internet tcp/443", "server -> alb tcp/443", "server -> server tcp/7070-7071",
            ],
            Paths(Dc9Groups()));
    }

    [Fact]
    public void Both_sides_must_agree_ingress_alone_opens_nothing()
    {
        var groups = Dc9Groups();
        groups[0] = groups[0] with { Egress = [] };
        Assert.DoesNotContain("alb -> server tcp/8080", Paths(groups));
    }

    [Fact]
    public void A_vpc_cidr_rule_is_not_open_to_the_internet_but_anywhere_is()
    {
        var groups = Dc9Groups();
        groups[1] = groups[1] with { Ingress = [.. groups[1].Ingress, SecurityGroupRule.Tcp(9000, Vpc)] };
        groups[2] = groups[2] with { Egress = [new("-1", 0, 0, Cidrs: [Anywhere])] };
        var paths = Paths(groups);
        Assert.Contains("bastion -> server tcp/9000", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("internet -> server", StringComparison.Ordinal));
        // Egress "all" from the bastion meets the ALB's public listeners too: the analysis shows it.
        Assert.Contains("bastion -> alb tcp/443", paths);
        Assert.Contains("bastion -> internet all", paths);

        groups[1] = groups[1] with { Ingress = [.. groups[1].Ingress, SecurityGroupRule.Tcp(22, Anywhere)] };
        Assert.Contains("internet -> server tcp/22", Paths(groups));
    }

    [Fact]
    public void Several_groups_on_one_endpoint_add_up_and_self_needs_the_same_group()
    {
        var groups = new List<SecurityGroup>
        {
            new("a", [new("tcp", 1000, 1999, Self: true)], [new("-1", 0, 0, Cidrs: [Anywhere])]),
            new("b", [new("udp", 53, 53, SecurityGroupIds: ["a"]), new("icmp", -1, -1, SecurityGroupIds: ["a"])], []),
        };
        var endpoints = new NetworkEndpoint[] { new("x", ["a"], [Ipv4Cidr.Parse("10.0.1.0/24")]), new("y", ["a", "b"], [Ipv4Cidr.Parse("10.0.2.0/24")]) };
        var paths = ReachabilityAnalyzer.Analyze(groups, endpoints).Select(p => p.ToString());
        Assert.Equal(
            ["x -> x tcp/1000-1999", "x -> y tcp/1000-1999", "x -> y udp/53", "x -> y icmp/0-255", "y -> x tcp/1000-1999", "y -> y tcp/1000-1999", "y -> y udp/53", "y -> y icmp/0-255"],
            paths);
    }

    [Fact]
    public void Inconsistent_input_is_rejected_clearly()
    {
        var missing = Assert.Throws<NetworkPlanException>(() => ReachabilityAnalyzer.Analyze(Dc9Groups().Skip(1).ToList(), Endpoints));
        Assert.Contains("endpoint 'alb' carries security group 'alb', which is not among the analysed groups", missing.Message);
        var badPorts = Dc9Groups();
        badPorts[0] = badPorts[0] with { Ingress = [new("tcp", 500, 100, Cidrs: [Anywhere])] };
        Assert.Contains("port range 500-100 is invalid", Assert.Throws<NetworkPlanException>(() => ReachabilityAnalyzer.Analyze(badPorts, Endpoints)).Message);
        var badProtocol = Dc9Groups();
        badProtocol[0] = badProtocol[0] with { Ingress = [new("gre", 0, 0, Cidrs: [Anywhere])] };
        Assert.Contains("protocol 'gre' is not analysed", Assert.Throws<NetworkPlanException>(() => ReachabilityAnalyzer.Analyze(badProtocol, Endpoints)).Message);
    }
}

using Infra.Platform.Network;

namespace Infra.Tests.Network;

/// <summary>
/// The reachability analysis at its edges: port bounds 0 and 65535, protocol aliases, partial
/// overlaps, each way a rule can name its peer, and duplicate input.
/// </summary>
public class ReachabilityBoundaryTests
{
    private static readonly Ipv4Cidr Anywhere = Ipv4Cidr.Parse("0.0.0.0/0");

    private static readonly NetworkEndpoint[] TwoEnds =
    [
        new("client", ["client"], [Ipv4Cidr.Parse("10.0.1.0/24")]),
        new("server", ["server"], [Ipv4Cidr.Parse("10.0.2.0/24")]),
    ];

    /// <summary>The client may send anything anywhere; the server admits <paramref name="ingress"/>.</summary>
    private static string[] Paths(params SecurityGroupRule[] ingress) =>
        ReachabilityAnalyzer.Analyze(
        [
            new SecurityGroup("client", [], [new("-1", 0, 0, Cidrs: [Anywhere])]),
            new SecurityGroup("server", ingress, []),
        ], TwoEnds).Where(p => p.Destination == "server").Select(p => p.ToString()).ToArray();

    [Theory]
    [InlineData("tcp", 0, 0, "client -> server tcp/0")]
    [InlineData("tcp", 65535, 65535, "client -> server tcp/65535")]
    [InlineData("6", 80, 80, "client -> server tcp/80")]
    [InlineData("TCP ", 80, 81, "client -> server tcp/80-81")]
    [InlineData("udp", 0, 65535, "client -> server udp/0-65535")]
    [InlineData("17", 53, 53, "client -> server udp/53")]
    [InlineData("icmp", 8, 0, "client -> server icmp/8")]
    [InlineData("1", -1, -1, "client -> server icmp/0-255")]
    public void Protocol_aliases_and_port_bounds(string protocol, int from, int to, string path) =>
        Assert.Equal([path], Paths(new SecurityGroupRule(protocol, from, to, Cidrs: [Anywhere])));

    [Theory]
    [InlineData("-1")]
    [InlineData("all")]
    [InlineData("ALL")]
    public void All_protocols_in_full_is_one_all_path(string protocol) =>
        Assert.Equal(["client -> server all"], Paths(new SecurityGroupRule(protocol, 0, 0, Cidrs: [Anywhere])));

    [Fact]
    public void Every_protocol_in_full_given_separately_also_reads_as_all()
    {
        Assert.Equal(["client -> server all"], Paths(
            new("tcp", 0, 65535, Cidrs: [Anywhere]), new("udp", 0, 65535, Cidrs: [Anywhere]), new("icmp", -1, -1, Cidrs: [Anywhere])));
    }

    [Fact]
    public void Almost_everything_is_not_all()
    {
        Assert.Equal(["client -> server tcp/1-65535", "client -> server udp/0-65535", "client -> server icmp/0-255"], Paths(
            new("tcp", 1, 65535, Cidrs: [Anywhere]), new("udp", 0, 65535, Cidrs: [Anywhere]), new("icmp", -1, -1, Cidrs: [Anywhere])));
        Assert.Equal(["client -> server tcp/0-65535", "client -> server udp/0-65534", "client -> server icmp/0-255"], Paths(
            new("tcp", 0, 65535, Cidrs: [Anywhere]), new("udp", 0, 65534, Cidrs: [Anywhere]), new("icmp", -1, -1, Cidrs: [Anywhere])));
        Assert.Equal(["client -> server tcp/0-65535", "client -> server udp/0-65535", "client -> server icmp/0"], Paths(
            new("tcp", 0, 65535, Cidrs: [Anywhere]), new("udp", 0, 65535, Cidrs: [Anywhere]), new("icmp", 0, 0, Cidrs: [Anywhere])));
    }

    [Fact]
    public void A_partial_overlap_of_both_sides_gives_only_the_common_ports()
    {
        var paths = ReachabilityAnalyzer.Analyze(
        [
            new SecurityGroup("client", [], [new("tcp", 0, 100, Cidrs: [Anywhere]), new("tcp", 200, 300, Cidrs: [Anywhere])]),
            new SecurityGroup("server", [new("tcp", 50, 250, Cidrs: [Anywhere])], []),
        ], TwoEnds).Where(p => p.Destination == "server").Select(p => p.ToString());
        Assert.Equal(["client -> server tcp/50-100", "client -> server tcp/200-250"], paths);
    }

    [Fact]
    public void Adjacent_and_overlapping_rules_merge_into_one_range()
    {
        Assert.Equal(["client -> server tcp/80-90"], Paths(
            new("tcp", 80, 84, Cidrs: [Anywhere]), new("tcp", 85, 90, Cidrs: [Anywhere]), new("tcp", 82, 83, Cidrs: [Anywhere])));
        Assert.Equal(["client -> server tcp/80-81", "client -> server tcp/83"], Paths(
            new("tcp", 83, 83, Cidrs: [Anywhere]), new("tcp", 80, 81, Cidrs: [Anywhere])));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 65536)]
    [InlineData(11, 10)]
    public void Invalid_tcp_and_udp_ranges_are_refused(int from, int to)
    {
        foreach (var protocol in new[] { "tcp", "udp" })
        {
            var error = Assert.Throws<NetworkPlanException>(() => Paths(new SecurityGroupRule(protocol, from, to, Cidrs: [Anywhere])));
            Assert.Equal($"security group 'server': {protocol} port range {from}-{to} is invalid; use 0 <= from <= to <= 65535.", error.Message);
        }
    }

    [Fact]
    public void A_rule_names_its_peer_by_group_self_cidr_or_prefix_list()
    {
        var endpoints = new NetworkEndpoint[]
        {
            new("a", ["ga"], [Ipv4Cidr.Parse("10.0.1.0/24")], ["pl-office"]),
            new("b", ["gb"], [Ipv4Cidr.Parse("10.0.2.0/24")]),
        };
        var open = new SecurityGroupRule("-1", 0, 0, Cidrs: [Anywhere]);
        string[] From(params SecurityGroupRule[] ingressOfB) => ReachabilityAnalyzer.Analyze(
            [new SecurityGroup("ga", [], [open]), new SecurityGroup("gb", ingressOfB, [open])], endpoints)
            .Where(p => p.Destination == "b").Select(p => p.ToString()).ToArray();

        Assert.Equal(["a -> b tcp/1"], From(new SecurityGroupRule("tcp", 1, 1, SecurityGroupIds: ["ga"])));
        Assert.Equal(["a -> b tcp/2"], From(new SecurityGroupRule("tcp", 2, 2, PrefixListIds: ["pl-office"])));
        Assert.Equal(["a -> b tcp/3"], From(new SecurityGroupRule("tcp", 3, 3, Cidrs: [Ipv4Cidr.Parse("10.0.1.128/25")])));
        Assert.Equal(["b -> b tcp/4"], From(new SecurityGroupRule("tcp", 4, 4, Self: true)));
        Assert.Empty(From(new SecurityGroupRule("tcp", 5, 5, SecurityGroupIds: ["gb-other"]), new SecurityGroupRule("tcp", 6, 6, PrefixListIds: ["pl-x"]),
            new SecurityGroupRule("tcp", 7, 7, Cidrs: [Ipv4Cidr.Parse("10.0.3.0/24")]), new SecurityGroupRule("tcp", 8, 8)));
    }

    [Fact]
    public void Endpoints_without_groups_filter_nothing_but_two_of_them_are_not_judged()
    {
        var endpoints = new NetworkEndpoint[]
        {
            new("net-a", [], [Ipv4Cidr.Parse("192.0.2.0/24")]),
            new("net-b", [], [Ipv4Cidr.Parse("198.51.100.0/24")]),
            new("server", ["server"], [Ipv4Cidr.Parse("10.0.2.0/24")]),
        };
        var paths = ReachabilityAnalyzer.Analyze([new SecurityGroup("server", [new("tcp", 443, 443, Cidrs: [Ipv4Cidr.Parse("192.0.2.0/24")])], [])], endpoints)
            .Select(p => p.ToString());
        Assert.Equal(["net-a -> server tcp/443"], paths);
    }

    [Fact]
    public void Duplicate_groups_and_endpoints_are_refused()
    {
        var group = new SecurityGroup("g", [], []);
        Assert.Equal("security group 'g' is listed twice; give each group once.",
            Assert.Throws<NetworkPlanException>(() => ReachabilityAnalyzer.Analyze([group, group], [])).Message);
        var endpoint = new NetworkEndpoint("e", ["g"], []);
        Assert.Equal("endpoint 'e' is listed twice; name each endpoint class once.",
            Assert.Throws<NetworkPlanException>(() => ReachabilityAnalyzer.Analyze([group], [endpoint, endpoint])).Message);
        Assert.Equal("security group 'g': protocol 'esp' is not analysed; use tcp, udp, icmp or -1 (all).",
            Assert.Throws<NetworkPlanException>(() => ReachabilityAnalyzer.Analyze(
                [new SecurityGroup("g", [new("esp", 0, 0, Cidrs: [Anywhere])], [])],
                [new NetworkEndpoint("e", ["g"], [Anywhere])])).Message);
    }

    [Fact]
    public void The_internet_is_everything_outside_the_vpc()
    {
        var internet = NetworkEndpoint.Internet(Ipv4Cidr.Parse("10.0.0.0/16"), "world");
        Assert.Equal("world", internet.Name);
        Assert.Empty(internet.SecurityGroupIds);
        Assert.Equal(4294967296L - 65536, internet.Addresses.Sum(a => a.Size));
        Assert.DoesNotContain(internet.Addresses, a => a.Overlaps(Ipv4Cidr.Parse("10.0.0.0/16")));
        Assert.Equal("internet", NetworkEndpoint.Internet(Ipv4Cidr.Parse("10.0.0.0/16")).Name);
    }

    [Fact]
    public void Paths_print_one_port_a_range_or_all()
    {
        Assert.Equal("a -> b all", new ReachablePath("a", "b", "all", 0, 65535).ToString());
        Assert.Equal("a -> b tcp/22", new ReachablePath("a", "b", "tcp", 22, 22).ToString());
        Assert.Equal("a -> b udp/1-2", new ReachablePath("a", "b", "udp", 1, 2).ToString());
        Assert.Equal(("tcp", 22), (SecurityGroupRule.Tcp(22).Protocol, SecurityGroupRule.TcpFromGroup(22, "g").FromPort));
        Assert.Equal(["g"], SecurityGroupRule.TcpFromGroup(22, "g").SecurityGroupIds!);
    }
}

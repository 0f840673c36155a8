using Infra.Platform;
using Infra.Policies.Inspection;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>
/// Each network rule with a compliant resource beside a non-compliant one in the same program (a rule
/// passes only when it fails the one it should), and the boundaries of its ports, ranges and lookups.
/// </summary>
public sealed class NetworkRulesSideBySideTests
{
    private static Expr Rule(string protocol, int from, int to, params string[] cidrs) =>
        Obj(("protocol", protocol), ("fromPort", from), ("toPort", to), ("cidrBlocks", List(cidrs.Select(c => (Expr)c).ToArray())));

    private static (string, Expr) Ingress(params Expr[] rules) => ("ingress", List(rules));

    private static (string, Expr) Egress(params Expr[] rules) => ("egress", List(rules));

    // NET-001 ---------------------------------------------------------------------------------

    [Fact]
    public void Net001_flags_the_world_open_group_beside_a_vpc_only_one()
    {
        var f = new PolicyFixture();
        f.Add("open-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 22, 22, "0.0.0.0/0")), Egress());
        f.Add("closed-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 22, 22, "10.0.0.0/8")), Egress());
        f.AssertOne("NET-001", "open-sg", "ingress ingress[0] (tcp port 22 from 0.0.0.0/0) opens SSH/RDP to the whole internet");
        Assert.Equal(2, f.Checked("NET-001"));
    }

    [Theory]
    [InlineData("tcp", 22, 22, true)]
    [InlineData("tcp", 21, 23, true)]
    [InlineData("tcp", 22, 80, true)]
    [InlineData("tcp", 3389, 3389, true)]
    [InlineData("tcp", 3380, 3389, true)]
    [InlineData("6", 22, 22, true)]
    [InlineData("TCP", 22, 22, true)]
    [InlineData("tcp", 20, 21, false)]
    [InlineData("tcp", 23, 3388, false)]
    [InlineData("tcp", 3390, 4000, false)]
    [InlineData("udp", 22, 22, false)]
    [InlineData("icmp", 22, 22, false)]
    public void Net001_ssh_and_rdp_boundaries(string protocol, int from, int to, bool flagged)
    {
        var f = new PolicyFixture();
        f.Add("sg", Tokens.SecurityGroup, Ingress(Rule(protocol, from, to, "0.0.0.0/0")), Egress());
        if (flagged) f.AssertOne("NET-001", "sg", "opens SSH/RDP to the whole internet");
        else f.AssertNone("NET-001");
    }

    [Theory]
    [InlineData("-1", 0, 0)]
    [InlineData("all", 0, 0)]
    [InlineData("tcp", 0, 65535)]
    [InlineData("udp", 0, 65535)]
    [InlineData("6", 0, 65535)]
    [InlineData("17", 0, 65535)]
    public void Net001_every_port_means_all_protocols_or_the_full_tcp_or_udp_range(string protocol, int from, int to)
    {
        var f = new PolicyFixture();
        f.Add("sg", Tokens.SecurityGroup, Ingress(Rule(protocol, from, to, "::/0")), Egress());
        f.AssertOne("NET-001", "sg", "opens every port to the whole internet");
    }

    [Theory]
    [InlineData("udp", 1, 65535)]
    [InlineData("udp", 0, 65534)]
    [InlineData("udp", 1000, 2000)]
    public void Net001_a_udp_range_short_of_every_port_is_not_every_port(string protocol, int from, int to)
    {
        var f = new PolicyFixture();
        f.Add("sg", Tokens.SecurityGroup, Ingress(Rule(protocol, from, to, "0.0.0.0/0")), Egress());
        f.AssertNone("NET-001");
    }

    [Fact]
    public void Net001_a_world_range_among_private_ones_is_still_the_world()
    {
        var f = new PolicyFixture();
        f.Add("sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 22, 22, "10.0.0.0/8", " 0.0.0.0/0 ")), Egress());
        f.AssertOne("NET-001", "sg", "from 10.0.0.0/8,  0.0.0.0/0 ");
    }

    [Fact]
    public void Net001_ignores_egress_to_the_world()
    {
        var f = new PolicyFixture();
        f.Add("sg", Tokens.SecurityGroup, Egress(Rule("tcp", 22, 22, "0.0.0.0/0")));
        f.AssertNone("NET-001");
        Assert.Equal(0, f.Checked("NET-001"));
    }

    [Fact]
    public void Net001_reads_separate_rule_resources_of_both_kinds()
    {
        var f = new PolicyFixture();
        var sg = f.Add("sg", Tokens.SecurityGroup, Egress());
        f.Add("ssh-world", Tokens.SecurityGroupRule, ("type", "ingress"), ("securityGroupId", Ref(sg)), ("protocol", "tcp"),
            ("fromPort", 22), ("toPort", 22), ("cidrBlocks", List("0.0.0.0/0")));
        f.Add("ssh-world-out", Tokens.SecurityGroupRule, ("type", "egress"), ("securityGroupId", Ref(sg)), ("protocol", "tcp"),
            ("fromPort", 22), ("toPort", 22), ("cidrBlocks", List("0.0.0.0/0")));
        f.Add("rdp-v6", Tokens.VpcIngressRule, ("securityGroupId", Ref(sg)), ("ipProtocol", "tcp"), ("fromPort", 3389),
            ("toPort", 3389), ("cidrIpv6", "::/0"));
        f.Add("rdp-out", Tokens.VpcEgressRule, ("securityGroupId", Ref(sg)), ("ipProtocol", "tcp"), ("fromPort", 3389),
            ("toPort", 3389), ("cidrIpv4", "0.0.0.0/0"));
        Assert.Equal(["rdp-v6", "ssh-world"], f.Run("NET-001").Select(v => v.Subject).Order());
        Assert.Equal(2, f.Checked("NET-001"));
    }

    // NET-002 ---------------------------------------------------------------------------------

    [Fact]
    public void Net002_flags_external_ssh_to_a_server_beside_the_same_ssh_to_the_bastion()
    {
        var f = new PolicyFixture();
        f.Add("bastion-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 22, 22, "198.51.100.0/24")), Egress());
        f.Add("server-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 22, 22, "198.51.100.0/24")), Egress());
        f.AssertOne("NET-002", "server-sg", "admits SSH/RDP from 198.51.100.0/24 to server-sg");
        Assert.Equal(2, f.Checked("NET-002"));
    }

    [Fact]
    public void Net002_knows_the_bastion_by_its_role_tag_too()
    {
        var f = new PolicyFixture();
        f.Add("jump-sg", Tokens.SecurityGroup, ("tags", Obj(("role", "Bastion"))), Ingress(Rule("tcp", 3389, 3389, "198.51.100.0/24")), Egress());
        f.Add("app-sg", Tokens.SecurityGroup, ("tags", Obj(("role", "app"))), Ingress(Rule("tcp", 3389, 3389, "198.51.100.0/24")), Egress());
        f.AssertOne("NET-002", "app-sg", "admits SSH/RDP from 198.51.100.0/24");
    }

    [Fact]
    public void Net002_names_only_the_external_ranges_and_leaves_the_world_to_net001()
    {
        var f = new PolicyFixture();
        f.Add("server-sg", Tokens.SecurityGroup,
            Ingress(Rule("tcp", 22, 22, "10.0.0.0/8", "0.0.0.0/0", "203.0.113.9/32", "192.168.0.0/16")), Egress());
        f.Add("world-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 22, 22, "0.0.0.0/0", "::/0")), Egress());
        f.AssertOne("NET-002", "server-sg", "from 203.0.113.9/32 to server-sg.");

        var two = new PolicyFixture();
        two.Add("server-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 22, 22, "198.51.100.0/24", "203.0.113.9/32")), Egress());
        two.AssertOne("NET-002", "server-sg", "admits SSH/RDP from 198.51.100.0/24, 203.0.113.9/32 to server-sg.");
    }

    [Fact]
    public void Net002_a_rule_of_an_unknown_group_is_not_the_bastions()
    {
        var f = new PolicyFixture();
        f.Add("loose-ssh", Tokens.SecurityGroupRule, ("type", "ingress"), ("securityGroupId", "sg-0123"), ("protocol", "tcp"),
            ("fromPort", 22), ("toPort", 22), ("cidrBlocks", List("198.51.100.7/32")));
        f.AssertOne("NET-002", "loose-ssh", "to a group that is not the bastion's");
    }

    [Fact]
    public void Net002_ignores_rules_that_cover_neither_ssh_nor_rdp_and_egress()
    {
        var f = new PolicyFixture();
        f.Add("web-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 443, 443, "198.51.100.0/24"), Rule("tcp", 23, 3388, "198.51.100.0/24")),
            Egress(Rule("tcp", 22, 22, "198.51.100.0/24")));
        f.AssertNone("NET-002");
        Assert.Equal(0, f.Checked("NET-002"));
    }

    [Theory]
    [InlineData("203.16.0.0/24")]
    [InlineData("172.32.0.0/16")]
    [InlineData("172.15.0.0/16")]
    [InlineData("192.169.0.0/16")]
    [InlineData("100.128.0.0/16")]
    [InlineData("11.0.0.0/8")]
    [InlineData("2001:db8::/32")]
    public void Net002_public_ranges_next_to_private_ones_are_external(string cidr)
    {
        var f = new PolicyFixture();
        f.Add("server-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 22, 22, cidr)), Egress());
        f.AssertOne("NET-002", "server-sg", $"from {cidr} to server-sg");
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("172.16.0.0/12")]
    [InlineData("172.31.255.0/24")]
    [InlineData("192.168.0.0/16")]
    [InlineData("100.64.0.0/10")]
    [InlineData("100.127.0.0/16")]
    [InlineData("127.0.0.0/8")]
    [InlineData("fc00::/7")]
    [InlineData("fd12:3456::/32")]
    public void Net002_private_ranges_are_inside_the_network(string cidr)
    {
        var f = new PolicyFixture();
        f.Add("server-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 22, 22, cidr)), Egress());
        f.AssertNone("NET-002");
    }

    // NET-003 ---------------------------------------------------------------------------------

    [Theory]
    [InlineData(5432)]
    [InlineData(8008)]
    [InlineData(2379)]
    [InlineData(2380)]
    [InlineData(6379)]
    [InlineData(7070)]
    public void Net003_flags_each_cluster_port_open_outside_beside_the_same_port_inside(int port)
    {
        var f = new PolicyFixture();
        f.Add("inside-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", port, port, "10.0.0.0/16")), Egress());
        f.Add("outside-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", port, port, "203.0.113.0/24")), Egress());
        f.AssertOne("NET-003", "outside-sg", $"exposes port {port} to 203.0.113.0/24");
        Assert.Equal(2, f.Checked("NET-003"));
    }

    [Fact]
    public void Net003_names_every_cluster_port_of_a_range_and_only_the_public_ranges()
    {
        var f = new PolicyFixture();
        f.Add("etcd-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 2379, 2380, "10.0.0.0/8", "198.51.100.0/24")), Egress());
        f.AssertOne("NET-003", "etcd-sg", "(tcp ports 2379-2380 from 10.0.0.0/8, 198.51.100.0/24) exposes port 2379, 2380 to 198.51.100.0/24.");

        var two = new PolicyFixture();
        two.Add("db-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 5432, 5432, "198.51.100.0/24", "0.0.0.0/0")), Egress());
        two.AssertOne("NET-003", "db-sg", "exposes port 5432 to 198.51.100.0/24, 0.0.0.0/0.");
    }

    [Theory]
    [InlineData(5431, 5431)]
    [InlineData(5433, 6000)]
    [InlineData(80, 443)]
    public void Net003_passes_ports_beside_the_cluster_ports(int from, int to)
    {
        var f = new PolicyFixture();
        f.Add("web-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", from, to, "0.0.0.0/0")), Egress());
        f.AssertNone("NET-003");
    }

    [Fact]
    public void Net003_leaves_every_port_rules_to_net001_and_ignores_egress()
    {
        var f = new PolicyFixture();
        f.Add("open-sg", Tokens.SecurityGroup, Ingress(Rule("-1", 0, 0, "0.0.0.0/0")), Egress(Rule("tcp", 5432, 5432, "0.0.0.0/0")));
        f.AssertNone("NET-003");
        Assert.Equal(1, f.Checked("NET-003"));
    }

    // NET-004 ---------------------------------------------------------------------------------

    [Fact]
    public void Net004_a_subnet_that_maps_public_ips_is_public_whatever_its_name()
    {
        var f = new PolicyFixture();
        var edge = f.Add("edge-a", Tokens.Subnet, ("mapPublicIpOnLaunch", true));
        var app = f.Add("app-a", Tokens.Subnet, ("mapPublicIpOnLaunch", false));
        f.Add("server-1", Tokens.Instance, ("subnetId", Ref(app)));
        f.Add("server-2", Tokens.Instance, ("subnetId", Ref(edge)));
        f.AssertOne("NET-004", "server-2", "is placed in public subnet edge-a");
        Assert.Equal(2, f.Checked("NET-004"));
    }

    [Fact]
    public void Net004_a_subnet_named_or_tagged_public_is_public()
    {
        var f = new PolicyFixture();
        var named = f.Add("edge-public-b", Tokens.Subnet);
        var tagged = f.Add("zone-c", Tokens.Subnet, ("tags", Obj(("subnet-tier", "PUBLIC"))));
        var inner = f.Add("zone-d", Tokens.Subnet, ("tags", Obj(("subnet-tier", "private"))));
        f.Add("server-1", Tokens.Instance, ("subnetId", Ref(named)));
        f.Add("server-2", Tokens.Instance, ("subnetId", Ref(tagged)));
        f.Add("server-3", Tokens.Instance, ("subnetId", Ref(inner)));
        Assert.Equal(["server-1", "server-2"], f.Run("NET-004").Select(v => v.Subject).Order());
    }

    [Fact]
    public void Net004_checks_every_network_interface_of_a_launch_template()
    {
        var f = new PolicyFixture();
        var pub = f.Add("public-a", Tokens.Subnet);
        var priv = f.Add("private-a", Tokens.Subnet);
        f.Add("good-lt", Tokens.LaunchTemplate, ("networkInterfaces", List(Obj(("subnetId", Ref(priv))))));
        f.Add("bad-lt", Tokens.LaunchTemplate, ("networkInterfaces", List(Obj(("subnetId", Ref(priv))), Obj(("subnetId", Ref(pub))))));
        f.Add("bare-lt", Tokens.LaunchTemplate);
        f.AssertOne("NET-004", "bad-lt", "public subnet public-a");
        Assert.Equal(3, f.Checked("NET-004"));
    }

    [Fact]
    public void Net004_exempts_only_the_bastion_and_ignores_references_to_other_resources()
    {
        var f = new PolicyFixture();
        var pub = f.Add("public-a", Tokens.Subnet);
        var vpc = f.Add("public-vpc", Tokens.Vpc);
        f.Add("jump", Tokens.Instance, ("tags", Obj(("role", "bastion"))), ("subnetId", Ref(pub)));
        f.Add("server-1", Tokens.Instance, ("subnetId", Ref(vpc)));
        f.Add("server-2", Tokens.Instance, ("subnetId", Ref(pub)));
        f.AssertOne("NET-004", "server-2", "public subnet public-a");
        Assert.Equal(2, f.Checked("NET-004"));
    }

    // NET-005 ---------------------------------------------------------------------------------

    [Fact]
    public void Net005_a_flow_log_of_another_vpc_does_not_count()
    {
        var f = new PolicyFixture();
        var logged = f.Add("vpc-a", Tokens.Vpc);
        f.Add("vpc-b", Tokens.Vpc);
        f.Add("vpc-a-flow", Tokens.FlowLog, ("vpcId", Ref(logged)), ("trafficType", "ALL"));
        f.AssertOne("NET-005", "vpc-b", "has no flow log");
        Assert.Equal(2, f.Checked("NET-005"));
    }

    [Fact]
    public void Net005_one_log_of_all_traffic_among_partial_ones_is_enough()
    {
        var f = new PolicyFixture();
        var mixed = f.Add("vpc-a", Tokens.Vpc);
        var partial = f.Add("vpc-b", Tokens.Vpc);
        f.Add("vpc-a-reject", Tokens.FlowLog, ("vpcId", Ref(mixed)), ("trafficType", "REJECT"));
        f.Add("vpc-a-all", Tokens.FlowLog, ("vpcId", Ref(mixed)), ("trafficType", "ALL"));
        f.Add("vpc-b-accept", Tokens.FlowLog, ("vpcId", Ref(partial)), ("trafficType", "ACCEPT"));
        f.AssertOne("NET-005", "vpc-b", "has flow logs that capture only ACCEPT traffic");
    }

    [Fact]
    public void Net005_a_traffic_type_known_only_at_deployment_is_not_judged()
    {
        var f = new PolicyFixture();
        var vpc = f.Add("vpc", Tokens.Vpc);
        f.Add("vpc-flow", Tokens.FlowLog, ("vpcId", Ref(vpc)), ("trafficType", new Reference("trafficType")));
        f.AssertNone("NET-005");
    }

    // NET-006 ---------------------------------------------------------------------------------

    [Fact]
    public void Net006_a_default_group_of_another_vpc_does_not_close_this_one()
    {
        var f = new PolicyFixture();
        var closed = f.Add("vpc-a", Tokens.Vpc);
        f.Add("vpc-b", Tokens.Vpc);
        f.Add("vpc-a-default", Tokens.DefaultSecurityGroup, ("vpcId", Ref(closed)), ("ingress", List()), ("egress", List()));
        f.AssertOne("NET-006", "vpc-b", "leaves its default security group open");
        Assert.Equal(3, f.Checked("NET-006"));
    }

    [Fact]
    public void Net006_counts_every_rule_left_in_a_default_group()
    {
        var f = new PolicyFixture();
        var a = f.Add("vpc-a", Tokens.Vpc);
        var b = f.Add("vpc-b", Tokens.Vpc);
        f.Add("vpc-a-default", Tokens.DefaultSecurityGroup, ("vpcId", Ref(a)),
            Ingress(Rule("-1", 0, 0, "10.0.0.0/8")), Egress(Rule("-1", 0, 0, "0.0.0.0/0"), Rule("tcp", 443, 443, "0.0.0.0/0")));
        f.Add("vpc-b-default", Tokens.DefaultSecurityGroup, ("vpcId", Ref(b)), Egress(Rule("-1", 0, 0, "0.0.0.0/0")));
        var violations = f.Run("NET-006");
        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Subject == "vpc-a-default" && v.Problem.StartsWith("keeps 3 rule(s)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Subject == "vpc-b-default" && v.Problem.StartsWith("keeps 1 rule(s)", StringComparison.Ordinal));
    }

    // NET-007 ---------------------------------------------------------------------------------

    [Fact]
    public void Net007_only_an_egress_rule_naming_the_group_counts_for_it()
    {
        var f = new PolicyFixture();
        var a = f.Add("a-sg", Tokens.SecurityGroup);
        f.Add("b-sg", Tokens.SecurityGroup);
        var c = f.Add("c-sg", Tokens.SecurityGroup);
        f.Add("a-out", Tokens.SecurityGroupRule, ("type", "egress"), ("securityGroupId", Ref(a)), ("protocol", "tcp"),
            ("fromPort", 443), ("toPort", 443), ("cidrBlocks", List("0.0.0.0/0")));
        f.Add("c-in", Tokens.SecurityGroupRule, ("type", "ingress"), ("securityGroupId", Ref(c)), ("protocol", "tcp"),
            ("fromPort", 443), ("toPort", 443), ("cidrBlocks", List("10.0.0.0/8")));
        Assert.Equal(["b-sg", "c-sg"], f.Run("NET-007").Select(v => v.Subject).Order());
        Assert.Equal(3, f.Checked("NET-007"));
    }

    [Fact]
    public void Net007_an_empty_inline_egress_list_is_explicit()
    {
        var f = new PolicyFixture();
        f.Add("none-sg", Tokens.SecurityGroup, Egress());
        f.Add("silent-sg", Tokens.SecurityGroup, Ingress(Rule("tcp", 443, 443, "10.0.0.0/8")));
        f.AssertOne("NET-007", "silent-sg", "declares no egress, inline or as separate rules");
    }

    // NET-008 ---------------------------------------------------------------------------------

    [Fact]
    public void Net008_flags_all_protocols_to_the_world_beside_all_protocols_to_the_vpc()
    {
        var f = new PolicyFixture();
        f.Add("world-sg", Tokens.SecurityGroup, Egress(Rule("-1", 0, 0, "10.0.0.0/8", "0.0.0.0/0")));
        f.Add("vpc-sg", Tokens.SecurityGroup, Egress(Rule("-1", 0, 0, "10.0.0.0/8")));
        f.Add("open-in-sg", Tokens.SecurityGroup, Ingress(Rule("-1", 0, 0, "0.0.0.0/0")), Egress());
        f.AssertOne("NET-008", "world-sg", "egress egress[0] (all traffic to 10.0.0.0/8, 0.0.0.0/0) allows every port and protocol");
        Assert.Equal(2, f.Checked("NET-008"));
    }

    [Theory]
    [InlineData("tcp", 0, 65535, true)]
    [InlineData("udp", 0, 65535, true)]
    [InlineData("tcp", 1, 65535, false)]
    [InlineData("tcp", 443, 443, false)]
    public void Net008_every_tcp_or_udp_port_counts_as_unrestricted(string protocol, int from, int to, bool flagged)
    {
        var f = new PolicyFixture();
        f.Add("sg", Tokens.SecurityGroup, Egress(Rule(protocol, from, to, "::/0")));
        if (flagged) f.AssertOne("NET-008", "sg", $"{protocol} ports {from}-{to} to ::/0");
        else f.AssertNone("NET-008");
    }

    // NET-009 ---------------------------------------------------------------------------------

    [Fact]
    public void Net009_flags_the_one_port_off_loopback_beside_loopback_ones()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("ports", List(
            Obj(("internal", 8080), ("external", 8080), ("ip", "127.0.0.1")),
            Obj(("internal", 7070), ("external", 7070), ("ip", "::1")),
            Obj(("internal", 9090)),
            Obj(("internal", 5432), ("external", 5432), ("ip", "0.0.0.0")))));
        f.Add("db", Tokens.DockerContainer, ("image", "x:1"), ("ports", List(Obj(("internal", 5432), ("external", 5433), ("ip", "127.0.0.1")))));
        f.Add("worker", Tokens.DockerContainer, ("image", "x:1"));
        f.AssertOne("NET-009", "app", "publishes port 5432 on 0.0.0.0.");
        Assert.Equal(2, f.Checked("NET-009"));
    }
}

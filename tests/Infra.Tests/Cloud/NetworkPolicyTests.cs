using Infra.Policies.Inspection;
using Infra.Synthesis.Expressions;
using Infra.Tests.Policies;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Cloud;

/// <summary>CLD-004 (security-group quotas), CLD-006 (private IPs), CLD-007 (CIDR blocks), violating and compliant side by side.</summary>
public sealed class NetworkPolicyTests
{
    private static Expr[] Cidrs(int count) => Enumerable.Range(0, count).Select(i => (Expr)$"10.{i / 250}.{i % 250}.0/24").ToArray();

    [Fact]
    public void Cld004_allows_60_inbound_ipv4_rules_per_group_and_flags_61()
    {
        var ok = new PolicyFixture();
        ok.Add("web", Tokens.SecurityGroup, ("ingress", List(Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", List(Cidrs(60)))))));
        ok.AssertNone("CLD-004");

        var f = new PolicyFixture();
        var sg = f.Add("web", Tokens.SecurityGroup, ("ingress", List(Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", List(Cidrs(60)))))));
        f.Add("web-extra", Tokens.VpcIngressRule, ("securityGroupId", Ref(sg)), ("cidrIpv4", "192.0.2.0/24"), ("ipProtocol", "tcp"));
        f.AssertOne("CLD-004", "web", "ingress", "has 61 inbound IPv4 rules");
    }

    [Fact]
    public void Cld004_counts_a_referenced_group_for_both_address_families_and_each_direction_apart()
    {
        var f = new PolicyFixture();
        var sg = f.Add("web", Tokens.SecurityGroup);
        var peer = f.Add("peer", Tokens.SecurityGroup);
        for (var i = 0; i < 61; i++)
            f.Add($"web-out-{i}", Tokens.VpcEgressRule, ("securityGroupId", Ref(sg)), ("referencedSecurityGroupId", Ref(peer)), ("ipProtocol", "tcp"));
        var violations = f.Run("CLD-004");
        Assert.Equal(2, violations.Count); // outbound IPv4 and outbound IPv6, nothing inbound
        Assert.All(violations, v => Assert.Equal("egress", v.Property));
        Assert.Contains(violations, v => v.Problem.Contains("61 outbound IPv6 rules", StringComparison.Ordinal));
    }

    [Fact]
    public void Cld004_allows_5_security_groups_per_interface_and_flags_6()
    {
        var f = new PolicyFixture();
        var groups = Enumerable.Range(0, 6).Select(i => (Expr)Ref(f.Add($"sg-{i}", Tokens.SecurityGroup))).ToArray();
        f.Add("server", Tokens.Instance, ("vpcSecurityGroupIds", List(groups)));
        f.Add("fleet", Tokens.LaunchTemplate, ("vpcSecurityGroupIds", List(groups[..5])));
        f.AssertOne("CLD-004", "server", "vpcSecurityGroupIds", "lists 6 security groups; the default quota is 5 per network interface");
    }

    [Theory]
    [InlineData("10.0.64.0", "the network address")]
    [InlineData("10.0.64.1", "VPC router")]
    [InlineData("10.0.64.2", "Amazon DNS server")]
    [InlineData("10.0.64.3", "future use")]
    [InlineData("10.0.71.255", "the broadcast address")]
    [InlineData("10.0.72.4", "outside")]
    public void Cld006_flags_a_fixed_ip_aws_keeps_or_outside_the_subnet(string ip, string fragment)
    {
        var f = new PolicyFixture();
        var subnet = f.Add("private-0", Tokens.Subnet, ("cidrBlock", "10.0.64.0/21"));
        f.Add("server", Tokens.Instance, ("subnetId", Ref(subnet)), ("privateIp", ip));
        f.AssertOne("CLD-006", "server", "privateIp", fragment);
    }

    [Theory]
    [InlineData("10.0.64.4")] // the first usable address
    [InlineData("10.0.71.254")] // the last usable address
    public void Cld006_passes_the_first_and_last_usable_addresses(string ip)
    {
        var f = new PolicyFixture();
        var subnet = f.Add("private-0", Tokens.Subnet, ("cidrBlock", "10.0.64.0/21"));
        f.Add("server", Tokens.Instance, ("subnetId", Ref(subnet)), ("privateIp", ip));
        f.AssertNone("CLD-006");
    }

    [Fact]
    public void Cld006_checks_secondary_and_launch_template_addresses_and_reservations()
    {
        var f = new PolicyFixture();
        var subnet = f.Add("private-0", Tokens.Subnet, ("cidrBlock", "10.0.64.0/24"));
        f.Add("server", Tokens.Instance, ("subnetId", Ref(subnet)), ("privateIp", "10.0.64.10"), ("secondaryPrivateIps", List("10.0.64.255")));
        f.Add("lt", Tokens.LaunchTemplate, ("networkInterfaces", List(Obj(("subnetId", Ref(subnet)), ("privateIpAddress", "10.0.65.10")))));
        f.Add("static", "aws:ec2/subnetCidrReservation:SubnetCidrReservation", ("subnetId", Ref(subnet)), ("cidrBlock", "10.0.64.192/26"));
        f.Add("static-bad", "aws:ec2/subnetCidrReservation:SubnetCidrReservation", ("subnetId", Ref(subnet)), ("cidrBlock", "10.0.65.0/26"));
        var violations = f.Run("CLD-006").Select(v => $"{v.Subject} {v.Property}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["lt networkInterfaces[0].privateIpAddress", "server secondaryPrivateIps[0]", "static-bad cidrBlock"], violations);
    }

    [Fact]
    public void Cld007_accepts_blocks_from_16_to_28_nested_and_disjoint()
    {
        var ok = new PolicyFixture();
        var vpc = ok.Add("vpc", Tokens.Vpc, ("cidrBlock", "10.0.0.0/16"));
        ok.Add("a", Tokens.Subnet, ("vpcId", Ref(vpc)), ("cidrBlock", "10.0.0.0/16"));
        var small = ok.Add("vpc2", Tokens.Vpc, ("cidrBlock", "10.1.0.0/28"));
        ok.Add("b", Tokens.Subnet, ("vpcId", Ref(small)), ("cidrBlock", "10.1.0.0/28"));
        ok.AssertNone("CLD-007");

        var f = new PolicyFixture();
        f.Add("vpc", Tokens.Vpc, ("cidrBlock", "10.0.0.0/15"));
        f.AssertOne("CLD-007", "vpc", "cidrBlock", "a /15; EC2 accepts IPv4 blocks from /16 to /28");
        var tiny = new PolicyFixture();
        var v2 = tiny.Add("vpc", Tokens.Vpc, ("cidrBlock", "10.0.0.0/16"));
        tiny.Add("a", Tokens.Subnet, ("vpcId", Ref(v2)), ("cidrBlock", "10.0.0.0/29"));
        tiny.AssertOne("CLD-007", "a", "cidrBlock", "a /29");
    }

    [Fact]
    public void Cld007_flags_a_subnet_outside_its_vpc_and_overlapping_subnets()
    {
        var f = new PolicyFixture();
        var vpc = f.Add("vpc", Tokens.Vpc, ("cidrBlock", "10.0.0.0/16"));
        f.Add("a", Tokens.Subnet, ("vpcId", Ref(vpc)), ("cidrBlock", "10.0.0.0/20"));
        f.Add("b", Tokens.Subnet, ("vpcId", Ref(vpc)), ("cidrBlock", "10.0.8.0/21"));
        f.Add("c", Tokens.Subnet, ("vpcId", Ref(vpc)), ("cidrBlock", "10.1.0.0/24"));
        var violations = f.Run("CLD-007").Select(v => $"{v.Subject}: {v.Problem}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, violations.Count);
        Assert.Contains("overlaps a (10.0.0.0/20)", violations[0], StringComparison.Ordinal);
        Assert.Contains("outside VPC vpc (10.0.0.0/16)", violations[1], StringComparison.Ordinal);
    }
}

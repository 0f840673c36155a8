using Infra.Platform;
using Infra.Policies.Inspection;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

public sealed class NetworkPolicyTests
{
    private static (string, Infra.Synthesis.Expressions.Expr) Ingress(string protocol, int from, int to, params string[] cidrs) =>
        ("ingress", List(Obj(("protocol", protocol), ("fromPort", from), ("toPort", to), ("cidrBlocks", List(cidrs.Select(c => (Infra.Synthesis.Expressions.Expr)c).ToArray())))));

    [Fact]
    public void Net001_flags_ssh_from_the_world_even_on_the_bastion()
    {
        var f = new PolicyFixture();
        f.Add("bastion-sg", Tokens.SecurityGroup, Ingress("tcp", 22, 22, "0.0.0.0/0"));
        f.AssertOne("NET-001", "bastion-sg", "opens SSH/RDP to the whole internet");
    }

    [Fact]
    public void Net001_flags_all_ports_from_ipv6_world_in_a_separate_rule()
    {
        var f = new PolicyFixture();
        var sg = f.Add("web-sg", Tokens.SecurityGroup, ("egress", List()));
        f.Add("web-open", Tokens.VpcIngressRule, ("securityGroupId", Ref(sg)), ("ipProtocol", "-1"), ("cidrIpv6", "::/0"));
        f.AssertOne("NET-001", "web-open", "opens every port");
    }

    [Fact]
    public void Net001_passes_https_from_the_world_and_ssh_from_an_office()
    {
        var f = new PolicyFixture();
        f.Add("alb-sg", Tokens.SecurityGroup, Ingress("tcp", 443, 443, "0.0.0.0/0"));
        f.Add("bastion-sg", Tokens.SecurityGroup, Ingress("tcp", 22, 22, "203.0.113.0/24"));
        f.AssertNone("NET-001");
    }

    [Fact]
    public void Net002_flags_ssh_from_an_external_cidr_to_a_server_group()
    {
        var f = new PolicyFixture();
        var sg = f.Add("server-sg", Tokens.SecurityGroup, ("egress", List()));
        f.Add("server-ssh", Tokens.SecurityGroupRule, ("type", "ingress"), ("securityGroupId", Ref(sg)), ("protocol", "tcp"),
            ("fromPort", 22), ("toPort", 22), ("cidrBlocks", List("198.51.100.7/32")));
        f.AssertOne("NET-002", "server-ssh", "admits SSH/RDP from 198.51.100.7/32 to server-sg");
    }

    [Fact]
    public void Net002_passes_external_ssh_to_the_bastion_and_vpc_ssh_to_servers()
    {
        var f = new PolicyFixture();
        var bastion = f.Add("bastion-sg", Tokens.SecurityGroup, ("egress", List()));
        f.Add("bastion-ssh", Tokens.SecurityGroupRule, ("type", "ingress"), ("securityGroupId", Ref(bastion)), ("protocol", "tcp"),
            ("fromPort", 22), ("toPort", 22), ("cidrBlocks", List("198.51.100.7/32")));
        f.Add("server-sg", Tokens.SecurityGroup, Ingress("tcp", 22, 22, "10.0.0.0/16"));
        f.AssertNone("NET-002");
    }

    [Fact]
    public void Net003_flags_postgres_open_to_a_public_cidr_and_passes_the_vpc()
    {
        var f = new PolicyFixture();
        f.Add("db-sg", Tokens.SecurityGroup, Ingress("tcp", 5432, 5432, "0.0.0.0/0"));
        f.AssertOne("NET-003", "db-sg", "exposes port 5432 to 0.0.0.0/0");

        var ok = new PolicyFixture();
        ok.Add("db-sg", Tokens.SecurityGroup, Ingress("tcp", 5432, 5432, "10.0.0.0/16"));
        ok.AssertNone("NET-003");
    }

    [Fact]
    public void Net004_flags_a_server_in_a_public_subnet_and_one_without_a_subnet()
    {
        var f = new PolicyFixture();
        var subnet = f.Add("public-a", Tokens.Subnet, ("mapPublicIpOnLaunch", true));
        f.Add("server-1", Tokens.Instance, ("subnetId", Ref(subnet)));
        f.AssertOne("NET-004", "server-1", "public subnet public-a");

        var loose = new PolicyFixture();
        loose.Add("server-2", Tokens.Instance);
        loose.AssertOne("NET-004", "server-2", "has no subnetId");
    }

    [Fact]
    public void Net004_passes_private_servers_and_a_bastion_in_a_public_subnet()
    {
        var f = new PolicyFixture();
        var pub = f.Add("public-a", Tokens.Subnet, ("mapPublicIpOnLaunch", true));
        var priv = f.Add("private-a", Tokens.Subnet);
        f.Add("bastion", Tokens.Instance, ("subnetId", Ref(pub)));
        f.Add("server-1", Tokens.Instance, ("subnetId", Ref(priv)));
        f.Add("server-lt", Tokens.LaunchTemplate, ("networkInterfaces", List(Obj(("subnetId", Ref(priv))))));
        f.AssertNone("NET-004");
    }

    [Fact]
    public void Net005_requires_a_flow_log_on_every_vpc()
    {
        var f = new PolicyFixture();
        f.Add("vpc", Tokens.Vpc, ("cidrBlock", "10.0.0.0/16"));
        f.AssertOne("NET-005", "vpc", "has no flow log");

        var partial = new PolicyFixture();
        var vpc = partial.Add("vpc", Tokens.Vpc);
        partial.Add("vpc-flow", Tokens.FlowLog, ("vpcId", Ref(vpc)), ("trafficType", "REJECT"));
        partial.AssertOne("NET-005", "vpc", "capture only REJECT");

        var ok = new PolicyFixture();
        var good = ok.Add("vpc", Tokens.Vpc);
        ok.Add("vpc-flow", Tokens.FlowLog, ("vpcId", Ref(good)), ("trafficType", "ALL"));
        ok.AssertNone("NET-005");
    }

    [Fact]
    public void Net006_requires_the_default_security_group_adopted_and_empty()
    {
        var f = new PolicyFixture();
        f.Add("vpc", Tokens.Vpc);
        f.AssertOne("NET-006", "vpc", "leaves its default security group open");

        var open = new PolicyFixture();
        var vpc = open.Add("vpc", Tokens.Vpc);
        open.Add("vpc-default-sg", Tokens.DefaultSecurityGroup, ("vpcId", Ref(vpc)), Ingress("-1", 0, 0, "10.0.0.0/16"));
        open.AssertOne("NET-006", "vpc-default-sg", "keeps 1 rule(s)");

        var ok = new PolicyFixture();
        var closed = ok.Add("vpc", Tokens.Vpc);
        ok.Add("vpc-default-sg", Tokens.DefaultSecurityGroup, ("vpcId", Ref(closed)), ("ingress", List()), ("egress", List()));
        ok.AssertNone("NET-006");
    }

    [Fact]
    public void Net007_requires_explicit_egress_inline_or_as_rules()
    {
        var f = new PolicyFixture();
        f.Add("server-sg", Tokens.SecurityGroup, Ingress("tcp", 8080, 8080, "10.0.0.0/16"));
        f.AssertOne("NET-007", "server-sg", "declares no egress");

        var ok = new PolicyFixture();
        var sg = ok.Add("server-sg", Tokens.SecurityGroup);
        ok.Add("server-https-out", Tokens.VpcEgressRule, ("securityGroupId", Ref(sg)), ("ipProtocol", "tcp"), ("fromPort", 443),
            ("toPort", 443), ("cidrIpv4", "0.0.0.0/0"));
        ok.Add("alb-sg", Tokens.SecurityGroup, ("egress", List()));
        ok.AssertNone("NET-007");
    }

    [Fact]
    public void Net008_advises_against_all_protocols_egress_to_the_world()
    {
        var f = new PolicyFixture();
        f.Add("server-sg", Tokens.SecurityGroup, ("egress", List(Obj(("protocol", "-1"), ("fromPort", 0), ("toPort", 0), ("cidrBlocks", List("0.0.0.0/0"))))));
        var violation = f.AssertOne("NET-008", "server-sg", "allows every port and protocol to the internet");
        Assert.Equal(Infra.Policies.Severity.Advisory, violation.Severity);

        var ok = new PolicyFixture();
        ok.Add("server-sg", Tokens.SecurityGroup, ("egress", List(Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", List("0.0.0.0/0"))))));
        ok.AssertNone("NET-008");
    }

    [Fact]
    public void Net009_keeps_laptop_ports_on_loopback()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("ports", List(Obj(("internal", 8080), ("external", 8080)))));
        f.AssertOne("NET-009", "app", "publishes port 8080 on every interface");

        var ok = new PolicyFixture(Tier.Laptop);
        ok.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("ports", List(Obj(("internal", 8080), ("external", 8080), ("ip", "127.0.0.1")))));
        ok.AssertNone("NET-009");

        // onprem3 hosts publish on purpose: the rule is the laptop's only.
        var onprem = new PolicyFixture(Tier.OnPrem3);
        onprem.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("ports", List(Obj(("internal", 8080), ("external", 8080)))));
        onprem.AssertNone("NET-009");
    }
}

using Infra.Platform;
using Infra.Policies.Inspection;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

public sealed class ComputePolicyTests
{
    private static (string, Infra.Synthesis.Expressions.Expr) Imds(string tokens, int hops) =>
        ("metadataOptions", Obj(("httpTokens", tokens), ("httpPutResponseHopLimit", hops)));

    [Fact]
    public void Cmp001_requires_imdsv2_tokens_and_hop_limit_one()
    {
        var f = new PolicyFixture();
        f.Add("server-1", Tokens.Instance, Imds("optional", 1));
        f.AssertOne("CMP-001", "server-1", "allows IMDSv1");

        var hops = new PolicyFixture();
        hops.Add("server-lt", Tokens.LaunchTemplate, Imds("required", 2));
        hops.AssertOne("CMP-001", "server-lt", "httpPutResponseHopLimit 2");

        var ok = new PolicyFixture();
        ok.Add("server-1", Tokens.Instance, Imds("required", 1));
        ok.Add("server-lt", Tokens.LaunchTemplate, Imds("required", 1));
        ok.AssertNone("CMP-001");
    }

    [Fact]
    public void Instances_inherit_metadata_and_root_volume_from_their_launch_template()
    {
        var f = new PolicyFixture();
        var template = f.Add("fleet-template", Tokens.LaunchTemplate, Imds("required", 1),
            ("blockDeviceMappings", List(Obj(("deviceName", "/dev/xvda"), ("ebs", Obj(("encrypted", "true")))))));
        f.Add("server-1", Tokens.Instance, ("launchTemplate", Obj(("id", Ref(template)), ("version", Ref(template, "latestVersion")))));
        f.AssertNone("CMP-001");
        f.AssertNone("CMP-002");

        var weak = new PolicyFixture();
        var loose = weak.Add("fleet-template", Tokens.LaunchTemplate, Imds("optional", 1));
        weak.Add("server-1", Tokens.Instance, ("launchTemplate", Obj(("id", Ref(loose)))));
        var violations = weak.Run("CMP-001");
        Assert.Equal(["fleet-template", "server-1"], violations.Select(v => v.Subject).Order().ToArray());
        weak.AssertOne("CMP-002", "server-1", "unencrypted root volume");
    }

    [Fact]
    public void Cmp002_requires_every_ebs_volume_encrypted()
    {
        var f = new PolicyFixture();
        f.Add("data-1", Tokens.EbsVolume, ("size", 100));
        f.AssertOne("CMP-002", "data-1", "unencrypted EBS volume");

        var root = new PolicyFixture();
        root.Add("server-1", Tokens.Instance, ("rootBlockDevice", Obj(("volumeSize", 20))));
        root.AssertOne("CMP-002", "server-1", "unencrypted root volume");

        var lt = new PolicyFixture();
        lt.Add("server-lt", Tokens.LaunchTemplate, ("blockDeviceMappings", List(Obj(("deviceName", "/dev/xvda"), ("ebs", Obj(("volumeSize", 20)))))));
        lt.AssertOne("CMP-002", "server-lt", "blockDeviceMappings[0].ebs");

        var ok = new PolicyFixture();
        ok.Add("data-1", Tokens.EbsVolume, ("encrypted", true));
        ok.Add("server-1", Tokens.Instance, ("rootBlockDevice", Obj(("encrypted", true))), ("ebsBlockDevices", List(Obj(("encrypted", true)))));
        ok.Add("server-lt", Tokens.LaunchTemplate, ("blockDeviceMappings", List(Obj(("ebs", Obj(("encrypted", "true")))))));
        ok.AssertNone("CMP-002");
    }

    [Fact]
    public void Cmp003_forbids_public_ips_on_servers_but_not_the_bastion()
    {
        var f = new PolicyFixture();
        f.Add("server-1", Tokens.Instance, ("associatePublicIpAddress", true));
        f.AssertOne("CMP-003", "server-1", "gets a public IP");

        var eip = new PolicyFixture();
        var server = eip.Add("server-2", Tokens.Instance);
        eip.Add("server-2-eip", Tokens.Eip, ("instance", Ref(server)));
        eip.AssertOne("CMP-003", "server-2-eip", "attaches an Elastic IP to server server-2");

        var ok = new PolicyFixture();
        var bastion = ok.Add("bastion", Tokens.Instance, ("associatePublicIpAddress", true));
        ok.Add("bastion-eip", Tokens.Eip, ("instance", Ref(bastion)));
        ok.Add("server-1", Tokens.Instance, ("associatePublicIpAddress", false));
        ok.AssertNone("CMP-003");
    }

    [Fact]
    public void Cmp004_keeps_instance_types_in_the_tier_allow_list()
    {
        var f = new PolicyFixture(Tier.Dc9);
        f.Add("server-1", Tokens.Instance, ("instanceType", "p5.48xlarge"));
        f.AssertOne("CMP-004", "server-1", "uses instance type p5.48xlarge, outside the allow-list");

        var ok = new PolicyFixture(Tier.Dc9);
        ok.Add("server-1", Tokens.Instance, ("instanceType", "t3.medium"));
        ok.AssertNone("CMP-004");
    }

    [Fact]
    public void Cmp004_uses_the_stack_override_with_family_wildcards()
    {
        var f = new PolicyFixture(Tier.Dc9);
        f.Add("server-1", Tokens.Instance, ("instanceType", "c7g.large"));
        f.AssertNone("CMP-004", ["c7g.*"]);
        f.AssertOne("CMP-004", "server-1", "outside the allow-list (t3.micro)", ["t3.micro"]);
    }

    [Fact]
    public void Cmp005_forbids_privileged_containers()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        f.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("privileged", true));
        f.AssertOne("CMP-005", "app", "runs privileged");

        var ok = new PolicyFixture(Tier.OnPrem3);
        ok.Add("app", Tokens.DockerContainer, ("image", "x:1"));
        ok.AssertNone("CMP-005");
    }
}

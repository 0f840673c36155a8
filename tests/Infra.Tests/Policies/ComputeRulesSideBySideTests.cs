using Infra.Platform;
using Infra.Policies;
using Infra.Policies.Inspection;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>Each compute rule with a compliant resource beside a non-compliant one, and its boundaries.</summary>
public sealed class ComputeRulesSideBySideTests
{
    private static (string, Expr) Imds(params (string, Expr)[] options) => ("metadataOptions", Obj(options));

    // CMP-001 ---------------------------------------------------------------------------------

    [Fact]
    public void Cmp001_flags_the_imdsv1_server_beside_an_imdsv2_one()
    {
        var f = new PolicyFixture();
        f.Add("server-1", Tokens.Instance, Imds(("httpTokens", "required"), ("httpPutResponseHopLimit", 1)));
        f.Add("server-2", Tokens.Instance, Imds(("httpPutResponseHopLimit", 1)));
        f.Add("data-1", Tokens.EbsVolume);
        f.AssertOne("CMP-001", "server-2", "allows IMDSv1 (metadataOptions.httpTokens is not set)");
        Assert.Equal(2, f.Checked("CMP-001"));
    }

    [Fact]
    public void Cmp001_names_a_missing_and_a_wrong_hop_limit()
    {
        var f = new PolicyFixture();
        f.Add("server-1", Tokens.Instance, Imds(("httpTokens", "required")));
        f.Add("server-2", Tokens.Instance, Imds(("httpTokens", "required"), ("httpPutResponseHopLimit", "2")));
        f.Add("server-3", Tokens.Instance, Imds(("httpTokens", "required"), ("httpPutResponseHopLimit", 0)));
        var violations = f.Run("CMP-001").OrderBy(v => v.Subject).ToList();
        Assert.Equal(["server-1", "server-2", "server-3"], violations.Select(v => v.Subject));
        Assert.Contains("httpPutResponseHopLimit not set (the AMI's default may be 2)", violations[0].Problem);
        Assert.Contains("httpPutResponseHopLimit 2.", violations[1].Problem);
        Assert.Contains("httpPutResponseHopLimit 0.", violations[2].Problem);
    }

    [Fact]
    public void Cmp001_a_disabled_metadata_endpoint_needs_nothing_else()
    {
        var f = new PolicyFixture();
        f.Add("sealed-lt", Tokens.LaunchTemplate, Imds(("httpEndpoint", "disabled")));
        f.Add("open-lt", Tokens.LaunchTemplate, Imds(("httpEndpoint", "enabled"), ("httpTokens", "optional"), ("httpPutResponseHopLimit", 1)));
        f.AssertOne("CMP-001", "open-lt", "allows IMDSv1 (metadataOptions.httpTokens is optional)");
    }

    [Fact]
    public void Cmp001_an_instance_setting_overrides_its_template_and_another_template_does_not_apply()
    {
        var f = new PolicyFixture();
        var strict = f.Add("strict-lt", Tokens.LaunchTemplate, Imds(("httpTokens", "required"), ("httpPutResponseHopLimit", 1)));
        f.Add("loose-lt-unused", Tokens.LaunchTemplate, Imds(("httpEndpoint", "disabled")));
        f.Add("server-1", Tokens.Instance, ("launchTemplate", Obj(("id", Ref(strict)))),
            Imds(("httpTokens", "optional"), ("httpPutResponseHopLimit", 1)));
        f.Add("server-2", Tokens.Instance, ("launchTemplate", Obj(("name", Ref(strict, "name")))));
        f.AssertOne("CMP-001", "server-1", "httpTokens is optional");
    }

    // CMP-002 ---------------------------------------------------------------------------------

    [Fact]
    public void Cmp002_flags_the_unencrypted_extra_volume_by_its_index()
    {
        var f = new PolicyFixture();
        f.Add("server-1", Tokens.Instance, ("rootBlockDevice", Obj(("encrypted", true))),
            ("ebsBlockDevices", List(Obj(("encrypted", true)), Obj(("encrypted", false)), Obj(("volumeSize", 5)))));
        f.Add("server-2", Tokens.Instance, ("rootBlockDevice", Obj(("encrypted", true))), ("ebsBlockDevices", List(Obj(("encrypted", "true")))));
        var violations = f.Run("CMP-002");
        Assert.Equal(2, violations.Count);
        Assert.All(violations, v => Assert.Equal("server-1", v.Subject));
        Assert.Equal(["has an unencrypted volume ebsBlockDevices[1].", "has an unencrypted volume ebsBlockDevices[2]."],
            violations.Select(v => v.Problem));
    }

    [Fact]
    public void Cmp002_flags_the_unencrypted_standalone_volume_beside_an_encrypted_one()
    {
        var f = new PolicyFixture();
        f.Add("data-1", Tokens.EbsVolume, ("encrypted", true));
        f.Add("data-2", Tokens.EbsVolume, ("encrypted", "false"));
        f.Add("bucket", Tokens.BucketV2);
        f.AssertOne("CMP-002", "data-2", "is an unencrypted EBS volume.");
        Assert.Equal(2, f.Checked("CMP-002"));
    }

    [Fact]
    public void Cmp002_launch_template_mappings_without_ebs_are_not_volumes()
    {
        var f = new PolicyFixture();
        f.Add("good-lt", Tokens.LaunchTemplate, ("blockDeviceMappings", List(
            Obj(("deviceName", "/dev/sdb"), ("virtualName", "ephemeral0")),
            Obj(("deviceName", "/dev/xvda"), ("ebs", Obj(("encrypted", true)))))));
        f.Add("bad-lt", Tokens.LaunchTemplate, ("blockDeviceMappings", List(
            Obj(("deviceName", "/dev/sdb"), ("virtualName", "ephemeral0")),
            Obj(("deviceName", "/dev/xvda"), ("ebs", Obj(("encrypted", false)))))));
        f.AssertOne("CMP-002", "bad-lt", "has an unencrypted volume blockDeviceMappings[1].ebs.");
    }

    [Fact]
    public void Cmp002_an_instance_takes_its_root_volume_from_a_template_only_when_every_template_volume_is_encrypted()
    {
        var f = new PolicyFixture();
        var good = f.Add("good-lt", Tokens.LaunchTemplate, ("blockDeviceMappings", List(
            Obj(("deviceName", "/dev/sdb"), ("virtualName", "ephemeral0")),
            Obj(("ebs", Obj(("encrypted", true)))))));
        var half = f.Add("half-lt", Tokens.LaunchTemplate, ("blockDeviceMappings", List(
            Obj(("ebs", Obj(("encrypted", true)))), Obj(("ebs", Obj(("volumeSize", 8)))))));
        var none = f.Add("empty-lt", Tokens.LaunchTemplate, ("blockDeviceMappings", List(Obj(("virtualName", "ephemeral0")))));
        f.Add("server-good", Tokens.Instance, ("launchTemplate", Obj(("id", Ref(good)))));
        f.Add("server-half", Tokens.Instance, ("launchTemplate", Obj(("id", Ref(half)))));
        f.Add("server-none", Tokens.Instance, ("launchTemplate", Obj(("id", Ref(none)))));
        // Its own root device settings win over the template's, even an encrypting one.
        f.Add("server-own", Tokens.Instance, ("launchTemplate", Obj(("id", Ref(good)))), ("rootBlockDevice", Obj(("volumeSize", 8))));
        var flagged = f.Run("CMP-002").Where(v => v.Problem.Contains("root volume")).Select(v => v.Subject).Order();
        Assert.Equal(["server-half", "server-none", "server-own"], flagged);
    }

    // CMP-003 ---------------------------------------------------------------------------------

    [Fact]
    public void Cmp003_flags_the_launch_template_that_gives_a_public_ip_beside_one_that_does_not()
    {
        var f = new PolicyFixture();
        f.Add("private-lt", Tokens.LaunchTemplate, ("networkInterfaces", List(Obj(("associatePublicIpAddress", false)))));
        f.Add("public-lt", Tokens.LaunchTemplate, ("networkInterfaces", List(
            Obj(("deviceIndex", 0)), Obj(("associatePublicIpAddress", "true")))));
        f.AssertOne("CMP-003", "public-lt", "gives its instances a public IP (networkInterfaces.associatePublicIpAddress: true)");
        Assert.Equal(2, f.Checked("CMP-003"));
    }

    [Fact]
    public void Cmp003_the_bastion_exemption_covers_the_bastion_only()
    {
        var f = new PolicyFixture();
        var bastion = f.Add("bastion", Tokens.Instance, ("associatePublicIpAddress", true));
        var server = f.Add("server-1", Tokens.Instance);
        f.Add("bastion-lt", Tokens.LaunchTemplate, ("networkInterfaces", List(Obj(("associatePublicIpAddress", true)))));
        f.Add("jump-host", Tokens.Instance, ("tags", Obj(("role", "bastion"))), ("associatePublicIpAddress", true));
        f.Add("admin-ip", Tokens.Eip, ("instance", Ref(bastion)));
        f.Add("app-ip", Tokens.Eip, ("instance", Ref(server)));
        f.Add("nat-ip", Tokens.Eip, ("domain", "vpc"));
        f.AssertOne("CMP-003", "app-ip", "attaches an Elastic IP to server server-1");
        Assert.Equal(4, f.Checked("CMP-003"));
    }

    [Fact]
    public void Cmp003_an_elastic_ip_on_a_non_instance_is_not_a_server_ip()
    {
        var f = new PolicyFixture();
        var nic = f.Add("server-nic", "aws:ec2/networkInterface:NetworkInterface");
        f.Add("nic-ip", Tokens.Eip, ("instance", Ref(nic)));
        f.AssertNone("CMP-003");
    }

    // CMP-004 ---------------------------------------------------------------------------------

    [Fact]
    public void Cmp004_flags_the_type_outside_the_list_beside_one_inside()
    {
        var f = new PolicyFixture(Tier.Dc9);
        f.Add("server-1", Tokens.Instance, ("instanceType", "m6i.large"));
        f.Add("server-2", Tokens.LaunchTemplate, ("instanceType", "m6i.24xlarge"));
        f.Add("server-3", Tokens.Instance, ("instanceType", new Reference("instanceType")));
        f.Add("server-4", Tokens.Instance);
        f.AssertOne("CMP-004", "server-2", "uses instance type m6i.24xlarge, outside the allow-list (t3.*, t3a.*, m6i.large,");
        Assert.Equal(4, f.Checked("CMP-004"));
    }

    [Theory]
    [InlineData("t3.*", "t3.micro", true)]
    [InlineData("t3.*", "t3a.micro", false)]
    [InlineData("t3.*", "t3", false)]
    [InlineData("m6i.large", "m6i.large", true)]
    [InlineData("m6i.large", "m6i.xlarge", false)]
    [InlineData("m6i.large", "m6i.large2", false)]
    [InlineData("t3", "t3.micro", false)]
    public void Cmp004_exact_names_and_family_wildcards(string allowed, string type, bool passes)
    {
        Assert.Equal(passes, TierPolicyProfile.Allows([allowed], type));
        var f = new PolicyFixture(Tier.Dc9);
        f.Add("server-1", Tokens.Instance, ("instanceType", type));
        if (passes) f.AssertNone("CMP-004", [allowed]);
        else f.AssertOne("CMP-004", "server-1", $"outside the allow-list ({allowed})", [allowed]);
    }

    [Fact]
    public void Cmp004_a_docker_tier_allows_no_instance_at_all()
    {
        var f = new PolicyFixture(Tier.Laptop);
        f.Add("stray", Tokens.Instance, ("instanceType", "t3.micro"));
        var violation = f.AssertOne("CMP-004", "stray", "outside the allow-list (none on this tier)");
        Assert.Contains("infra:allowedInstanceTypes", violation.Fix);
    }

    [Fact]
    public void Every_tier_has_its_own_profile_and_an_unknown_tier_none()
    {
        foreach (var tier in Enum.GetValues<Tier>())
            Assert.Equal(tier, TierPolicyProfile.For(tier).Tier);
        Assert.Throws<InvalidOperationException>(() => TierPolicyProfile.For((Tier)99));
    }

    [Fact]
    public void Tier_profiles_give_each_tier_its_cost_guard()
    {
        Assert.Empty(TierPolicyProfile.For(Tier.Laptop).InstanceTypes);
        Assert.Empty(TierPolicyProfile.For(Tier.OnPrem3).InstanceTypes);
        Assert.Contains("m6i.2xlarge", TierPolicyProfile.For(Tier.Global).InstanceTypes);
        Assert.DoesNotContain("m6i.2xlarge", TierPolicyProfile.For(Tier.Dc9).InstanceTypes);
        Assert.True(TierPolicyProfile.For(Tier.Dc9).ExpiryOnDev);
        Assert.False(TierPolicyProfile.For(Tier.OnPrem3).ExpiryOnDev);
    }

    // CMP-005 ---------------------------------------------------------------------------------

    [Fact]
    public void Cmp005_flags_the_privileged_container_beside_an_unprivileged_one()
    {
        var f = new PolicyFixture(Tier.OnPrem3);
        f.Add("app", Tokens.DockerContainer, ("image", "x:1"), ("privileged", false));
        f.Add("agent", Tokens.DockerContainer, ("image", "x:1"), ("privileged", "true"));
        f.Add("vol", Tokens.DockerVolume);
        f.AssertOne("CMP-005", "agent", "runs privileged (privileged: true)");
        Assert.Equal(2, f.Checked("CMP-005"));
    }
}

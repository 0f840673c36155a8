using Infra.Policies.Inspection;
using Infra.Synthesis.Expressions;
using Infra.Tests.Policies;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Cloud;

/// <summary>CLD-001 (names, autonames included) and CLD-003 (descriptions and paths), violating and compliant side by side.</summary>
public sealed class NamePolicyTests
{
    [Fact]
    public void Cld001_flags_a_security_group_without_a_name_whose_autoname_starts_with_sg()
    {
        // Issue 9, A1: dc9's groups had no name, so Pulumi sent 'sg-alb-xxxxxxx', and EC2 refuses names starting with 'sg-'.
        var f = new PolicyFixture();
        f.Add("sg-alb", Tokens.SecurityGroup, ("description", "load balancer"));
        var v = f.AssertOne("CLD-001", "sg-alb", "name", "Pulumi autonames the resource 'sg-alb-' plus 7 random hex digits");
        Assert.Contains("starts with 'sg-'", v.Problem, StringComparison.Ordinal);
        Assert.Contains("CreateSecurityGroup", v.Source!, StringComparison.Ordinal);

        var named = new PolicyFixture();
        named.Add("sg-alb", Tokens.SecurityGroup, ("name", "test-sg-alb"), ("description", "load balancer"));
        named.Add("alb-sg", Tokens.SecurityGroup, ("description", "autonamed 'alb-sg-…' is fine"));
        named.AssertNone("CLD-001");
    }

    [Theory]
    [InlineData("sg-web", "starts with 'sg-'")]
    [InlineData("default", "reserved name")]
    [InlineData("web—servers", "contains '—'")]
    [InlineData("web's", "contains '''")]
    [InlineData("", "at least 1")]
    public void Cld001_flags_security_group_names_ec2_rejects(string name, string fragment)
    {
        var f = new PolicyFixture();
        f.Add("web", Tokens.SecurityGroup, ("name", name));
        f.AssertOne("CLD-001", "web", "name", fragment);
    }

    [Theory]
    [InlineData("Sg-web")] // only the lower-case prefix is reserved
    [InlineData("web servers (ALB) #1: a-z, A-Z, 0-9 ._-:/()#,@[]+=&;{}!$*")]
    public void Cld001_passes_security_group_names_ec2_accepts(string name)
    {
        var f = new PolicyFixture();
        f.Add("web", Tokens.SecurityGroup, ("name", name));
        f.AssertNone("CLD-001");
    }

    [Fact]
    public void Cld001_security_group_names_may_be_255_characters_not_256()
    {
        var ok = new PolicyFixture();
        ok.Add("web", Tokens.SecurityGroup, ("name", new string('a', 255)));
        ok.AssertNone("CLD-001");
        var f = new PolicyFixture();
        f.Add("web", Tokens.SecurityGroup, ("name", new string('a', 256)));
        f.AssertOne("CLD-001", "web", "name", "is 256 characters long; security group names allow at most 255");
    }

    [Fact]
    public void Cld001_checks_a_name_prefix_with_the_providers_26_character_suffix()
    {
        var f = new PolicyFixture();
        f.Add("web", Tokens.SecurityGroup, ("namePrefix", "sg-web-"));
        f.AssertOne("CLD-001", "web", "namePrefix", "'sg-web-' plus the 26 characters the provider appends");

        // Load balancer names are at most 32 characters: a prefix of 6 fills them, 7 is one too many.
        var ok = new PolicyFixture();
        ok.Add("alb", Tokens.LoadBalancer, ("namePrefix", "abcdef"));
        ok.AssertNone("CLD-001");
        var tooLong = new PolicyFixture();
        tooLong.Add("alb", Tokens.LoadBalancer, ("namePrefix", "abcdefg"));
        tooLong.AssertOne("CLD-001", "alb", "namePrefix", "is 33 characters long; load balancer names allow at most 32");
    }

    [Fact]
    public void Cld001_target_group_autonames_fit_32_characters_up_to_a_24_character_logical_name()
    {
        var ok = new PolicyFixture();
        ok.Add("alb-tg-" + new string('a', 17), "aws:lb/targetGroup:TargetGroup"); // 24 + 8 = 32
        ok.AssertNone("CLD-001");
        var f = new PolicyFixture();
        var name = "alb-tg-" + new string('a', 18); // 25 + 8 = 33
        f.Add(name, "aws:lb/targetGroup:TargetGroup");
        f.AssertOne("CLD-001", name, "name", "is 33 characters long; target group names allow at most 32");
    }

    [Theory]
    [InlineData("internal-web", "starts with 'internal-'")]
    [InlineData("-web", "letters, digits and hyphens")]
    [InlineData("web-", "letters, digits and hyphens")]
    [InlineData("web_1", "letters, digits and hyphens")]
    public void Cld001_flags_load_balancer_names_elb_rejects(string name, string fragment)
    {
        var f = new PolicyFixture();
        f.Add("alb", Tokens.LoadBalancer, ("name", name));
        f.AssertOne("CLD-001", "alb", "name", fragment);

        var ok = new PolicyFixture();
        ok.Add("alb", Tokens.LoadBalancer, ("name", "Web-1-" + new string('x', 26))); // 32, mixed case, inner hyphens
        ok.AssertNone("CLD-001");
    }

    [Theory]
    [InlineData("Logs", "lower-case")]
    [InlineData("ab", "at least 3")]
    [InlineData("logs..dc9", "two adjacent periods")]
    [InlineData("192.168.5.4", "IP address")]
    [InlineData("xn--logs", "starts with 'xn--'")]
    [InlineData("logs-s3alias", "ends with '-s3alias'")]
    public void Cld001_flags_bucket_names_s3_rejects(string bucket, string fragment)
    {
        var f = new PolicyFixture();
        f.Add("logs", Tokens.Bucket, ("bucket", bucket));
        f.AssertOne("CLD-001", "logs", "bucket", fragment);
    }

    [Fact]
    public void Cld001_bucket_prefixes_take_37_characters_before_the_providers_26()
    {
        var ok = new PolicyFixture();
        ok.Add("logs", Tokens.Bucket, ("bucketPrefix", new string('a', 37)));
        ok.Add("named", Tokens.Bucket, ("bucket", "dc9-alb-logs.example-1"));
        ok.AssertNone("CLD-001");
        var f = new PolicyFixture();
        f.Add("logs", Tokens.Bucket, ("bucketPrefix", new string('a', 38)));
        f.AssertOne("CLD-001", "logs", "bucketPrefix", "is 64 characters long; S3 bucket names allow at most 63");
        var upper = new PolicyFixture();
        upper.Add("logs", Tokens.Bucket, ("bucketPrefix", "Team_Alice-alb-logs-"));
        upper.AssertOne("CLD-001", "logs", "bucketPrefix", "lower-case letters");
    }

    [Fact]
    public void Cld001_iam_names_follow_the_api_model_shapes()
    {
        var f = new PolicyFixture();
        f.Add("role", "aws:iam/role:Role", ("name", "fleet role"));
        var v = f.AssertOne("CLD-001", "role", "name", "contains ' '");
        Assert.Contains("AWS API model iam 2010-05-08, shape roleNameType", v.Source!, StringComparison.Ordinal);

        // Role names are at most 64: a 56-character logical name autonames to 64, 57 to 65.
        var ok = new PolicyFixture();
        ok.Add(new string('r', 56), "aws:iam/role:Role");
        ok.Add("profile", "aws:iam/instanceProfile:InstanceProfile", ("name", "dc9+fleet=a,b.c@d_e-f"));
        ok.AssertNone("CLD-001");
        var tooLong = new PolicyFixture();
        tooLong.Add(new string('r', 57), "aws:iam/role:Role");
        tooLong.AssertOne("CLD-001", new string('r', 57), "name", "is 65 characters long; IAM role names allow at most 64");

        // The models' \w is Java's ASCII class: a non-ASCII letter is rejected although .NET's \w would take it.
        var accented = new PolicyFixture();
        accented.Add("role", "aws:iam/role:Role", ("name", "rôle"));
        accented.AssertOne("CLD-001", "role", "name", "contains 'ô', which IAM role names do not allow");
    }

    [Fact]
    public void Cld001_launch_template_and_log_group_names_follow_their_models()
    {
        var f = new PolicyFixture();
        f.Add("lt", Tokens.LaunchTemplate, ("name", "fleet:v1"));
        f.AssertOne("CLD-001", "lt", "name", "launch template names");
        var logs = new PolicyFixture();
        logs.Add("logs", "aws:cloudwatch/logGroup:LogGroup", ("name", "/infra/dc9 flow"));
        logs.AssertOne("CLD-001", "logs", "name", "log group names");

        var ok = new PolicyFixture();
        ok.Add("lt", Tokens.LaunchTemplate, ("name", "fleet_(v1).x/y-z"));
        ok.Add("logs", "aws:cloudwatch/logGroup:LogGroup", ("name", "/infra/dc9-network/flow-logs#1"));
        ok.AssertNone("CLD-001");
    }

    [Fact]
    public void Cld001_skips_names_known_only_at_deployment_and_resources_it_does_not_create()
    {
        var f = new PolicyFixture();
        var other = f.Add("other", Tokens.Vpc);
        f.Add("web", Tokens.SecurityGroup, ("name", new Interpolation([new StringLiteral("sg-"), Ref(other)])));
        f.AssertNone("CLD-001");
    }

    [Theory]
    [InlineData("Servers — app port", "contains '—'")]
    [InlineData("Servers' app port", "contains '''")]
    public void Cld003_flags_security_group_descriptions_ec2_rejects(string description, string fragment)
    {
        var f = new PolicyFixture();
        f.Add("web", Tokens.SecurityGroup, ("name", "web"), ("description", description));
        f.AssertOne("CLD-003", "web", "description", fragment);
    }

    [Fact]
    public void Cld003_rule_descriptions_refuse_the_ampersand_group_descriptions_allow()
    {
        var f = new PolicyFixture();
        var sg = f.Add("web", Tokens.SecurityGroup, ("name", "web"), ("description", "HTTP & HTTPS in"),
            ("ingress", List(Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("description", "HTTPS from the ALB")),
                Obj(("protocol", "tcp"), ("fromPort", 80), ("toPort", 80), ("description", "HTTP & redirects")))));
        f.Add("web-in", Tokens.VpcIngressRule, ("securityGroupId", Ref(sg)), ("description", "SSH from 203.0.113.0/24 (office) [ticket #12]"));
        f.AssertOne("CLD-003", "web", "ingress[1].description", "contains '&'");
    }

    [Fact]
    public void Cld003_iam_dlm_and_launch_template_text_follows_their_models()
    {
        var f = new PolicyFixture();
        f.Add("role", "aws:iam/role:Role", ("path", "/infra"));
        f.AssertOne("CLD-003", "role", "path", "IAM paths");
        var dlm = new PolicyFixture();
        dlm.Add("snapshots", Tokens.DlmPolicy, ("description", "Daily snapshots (RAFT)"),
            ("policyDetails", Obj(("schedules", List(Obj(("name", "daily")))))));
        dlm.AssertOne("CLD-003", "snapshots", "description", "contains '(', ')'");
        var lt = new PolicyFixture();
        lt.Add("lt", Tokens.LaunchTemplate, ("description", new string('d', 256)));
        lt.AssertOne("CLD-003", "lt", "description", "at most 255");

        var ok = new PolicyFixture();
        ok.Add("role", "aws:iam/role:Role", ("path", "/infra/dc9/"), ("description", "Bastion dc9-bastion: Session Manager only"));
        ok.Add("snapshots", Tokens.DlmPolicy, ("description", "Daily snapshots of the RAFT data volumes of dc9"),
            ("policyDetails", Obj(("schedules", List(Obj(("name", "daily 03_00-utc")))))));
        ok.Add("lt", Tokens.LaunchTemplate, ("description", new string('d', 255)));
        ok.AssertNone("CLD-003");
    }
}

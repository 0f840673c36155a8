using Infra.Policies.Inspection;
using Infra.Synthesis.Expressions;
using Infra.Tests.Policies;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Cloud;

/// <summary>CLD-002: AWS tags, defaultTags included, violating and compliant side by side.</summary>
public sealed class TagPolicyTests
{
    private const string ListenerRule = "aws:lb/listenerRule:ListenerRule";

    private static ObjectExpr Tags(int count, string prefix = "k") =>
        new(Enumerable.Range(0, count).Select(i => new KeyValuePair<string, Expr>($"{prefix}{i:D2}", "v")).ToList());

    [Fact]
    public void Cld002_flags_a_listener_rule_tag_value_with_a_greater_than_sign()
    {
        // Issue 9, A2: dc9 tagged its listener rules 'route: api/accounts/ -> accounts'; ELBv2 tag values exclude '>'.
        var f = new PolicyFixture();
        f.Add("alb-rule-10", ListenerRule, ("tags", Obj(("Name", "dc9-alb-api-accounts"), ("route", "api/accounts/ -> accounts"))));
        var v = f.AssertOne("CLD-002", "alb-rule-10", "tags.route", "contains '>', which ELBv2 tag values do not allow");
        Assert.Contains("AWS API model elbv2 2015-12-01, shape TagValue", v.Source!, StringComparison.Ordinal);

        var ok = new PolicyFixture();
        ok.Add("alb-rule-10", ListenerRule, ("tags", Obj(("Name", "dc9-alb-api-accounts"), ("route", "api/accounts/ = accounts @host:443 +x_y.z"))));
        ok.AssertNone("CLD-002");
    }

    [Fact]
    public void Cld002_the_same_value_is_fine_on_ec2_whose_model_has_no_tag_pattern()
    {
        var f = new PolicyFixture();
        f.Add("vpc", Tokens.Vpc, ("tags", Obj(("route", "api/ -> gateway"))));
        f.AssertNone("CLD-002");
    }

    [Fact]
    public void Cld002_counts_the_providers_default_tags_toward_50()
    {
        var defaults = Enumerable.Range(0, 45).ToDictionary(i => $"d{i:D2}", _ => "v");
        var f = new PolicyFixture();
        f.Add("vpc", Tokens.Vpc, f.WithDefaultTags(defaults), ("tags", Tags(6)));
        f.AssertOne("CLD-002", "vpc", "tags", "has 51 tags counting the provider's defaultTags; AWS allows at most 50");

        var ok = new PolicyFixture();
        var tagged = ok.WithDefaultTags(defaults);
        ok.Add("vpc", Tokens.Vpc, tagged, ("tags", Tags(5)));
        // A resource tag with a default's key replaces it instead of adding one.
        ok.Add("subnet", Tokens.Subnet, tagged, ("tags", Obj([.. Enumerable.Range(0, 10).Select(i => ($"d{i:D2}", (Expr)"w")), .. Enumerable.Range(0, 5).Select(i => ($"k{i}", (Expr)"v"))])));
        ok.AssertNone("CLD-002");
    }

    [Fact]
    public void Cld002_names_a_default_tag_as_coming_from_the_provider()
    {
        var f = new PolicyFixture();
        f.Add("rule", ListenerRule, f.WithDefaultTags(new Dictionary<string, string> { ["owner"] = "team <a>" }), ("tags", Obj(("Name", "rule"))));
        var v = f.AssertOne("CLD-002", "rule", "tags.owner", "(from the provider's defaultTags)");
        Assert.Contains("'<', '>'", v.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws:cost-center", "starts with 'aws:'")]
    [InlineData("AWS:cost-center", "starts with 'AWS:'")]
    public void Cld002_refuses_the_reserved_aws_prefix_in_keys_in_any_case(string key, string fragment)
    {
        var f = new PolicyFixture();
        f.Add("vpc", Tokens.Vpc, ("tags", Obj((key, "x"))));
        f.AssertOne("CLD-002", "vpc", $"tags.{key}", fragment);
    }

    [Fact]
    public void Cld002_key_and_value_lengths_are_128_and_256()
    {
        var ok = new PolicyFixture();
        ok.Add("vpc", Tokens.Vpc, ("tags", Obj((new string('k', 128), new string('v', 256)))));
        ok.Add("rule", ListenerRule, ("tags", Obj((new string('k', 128), new string('v', 256)))));
        ok.AssertNone("CLD-002");

        var key = new PolicyFixture();
        key.Add("vpc", Tokens.Vpc, ("tags", Obj((new string('k', 129), "v"))));
        key.AssertOne("CLD-002", "vpc", "tags." + new string('k', 129), "is 129 characters long; AWS tag keys allow at most 128");
        var value = new PolicyFixture();
        value.Add("rule", ListenerRule, ("tags", Obj(("k", new string('v', 257)))));
        // Reported once, by the shared rule, although the ELBv2 shape repeats the limit.
        value.AssertOne("CLD-002", "rule", "tags.k", "is 257 characters long; AWS tag values allow at most 256");
    }

    [Fact]
    public void Cld002_checks_iam_logs_acm_and_dlm_tags_by_their_own_models()
    {
        foreach (var (type, key, value, fragment) in new[]
                 {
                     ("aws:iam/role:Role", "team", "a&b", "IAM tag values"),
                     ("aws:cloudwatch/logGroup:LogGroup", "team", "a;b", "CloudWatch Logs tag values"),
                     ("aws:acm/certificate:Certificate", "team", "a,b", "ACM tag values"),
                     ("aws:dlm/lifecyclePolicy:LifecyclePolicy", "team@x", "any value", "DLM tag keys"),
                 })
        {
            var f = new PolicyFixture();
            f.Add("r", type, ("tags", Obj((key, value))));
            f.AssertOne("CLD-002", "r", $"tags.{key}", fragment);
        }
    }

    [Fact]
    public void Cld002_checks_launch_template_tag_specifications()
    {
        var f = new PolicyFixture();
        f.Add("lt", Tokens.LaunchTemplate, ("tagSpecifications", List(Obj(("resourceType", "volume"), ("tags", Obj(("aws:x", "y")))))));
        f.AssertOne("CLD-002", "lt", "tagSpecifications[0].tags.aws:x", "starts with 'aws:'");
    }
}

using Infra.Policies.Inspection;
using Infra.Providers;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using Infra.Tests.Policies;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Cloud;

/// <summary>CLD-005 (listener rules), CLD-010 (target groups), CLD-011 (certificates), CLD-012 (DNS records).</summary>
public sealed class EdgePolicyTests
{
    private const string Rule = "aws:lb/listenerRule:ListenerRule";

    private static ObjectExpr Host(params string[] values) => Obj(("hostHeader", Obj(("values", List(values.Select(v => (Expr)v).ToArray())))));
    private static ObjectExpr PathPattern(params string[] values) => Obj(("pathPattern", Obj(("values", List(values.Select(v => (Expr)v).ToArray())))));

    private static PolicyFixture WithCloudflare(PolicyFixture f)
    {
        f.Blueprint.UseProvider(new ProviderResource(f.Blueprint, "cloudflare-provider", "cloudflare", PinnedProviders.VersionOf("cloudflare")));
        return f;
    }

    private static (Resource Lb, Resource Listener) Alb(PolicyFixture f, string id = "alb")
    {
        var lb = f.Add($"{id}-lb", Tokens.LoadBalancer);
        return (lb, f.Add($"{id}-https", Tokens.Listener, ("loadBalancerArn", Ref(lb, "arn"))));
    }

    private static Resource AddRule(PolicyFixture f, string id, Resource listener, Expr priority, params ObjectExpr[] conditions) =>
        f.Add(id, Rule, ("listenerArn", Ref(listener, "arn")), ("priority", priority), ("conditions", List(conditions)));

    [Theory]
    [InlineData(0, "below the minimum of 1")]
    [InlineData(50001, "above the maximum of 50000")]
    public void Cld005_flags_priorities_outside_the_models_range(int priority, string fragment)
    {
        var f = new PolicyFixture();
        AddRule(f, "rule", Alb(f).Listener, priority, Host("api.example.com"));
        var v = f.AssertOne("CLD-005", "rule", "priority", fragment);
        Assert.Contains("shape RulePriority", v.Source!, StringComparison.Ordinal);
    }

    [Fact]
    public void Cld005_priorities_1_and_50000_pass_and_may_repeat_on_another_listener()
    {
        var f = new PolicyFixture();
        var (_, https) = Alb(f);
        var (_, other) = Alb(f, "internal");
        AddRule(f, "first", https, 1, Host("api.example.com"));
        AddRule(f, "last", https, 50000, Host("www.example.com"));
        AddRule(f, "elsewhere", other, 1, Host("api.example.com"));
        f.AssertNone("CLD-005");
    }

    [Fact]
    public void Cld005_flags_a_second_rule_with_the_same_priority_on_one_listener()
    {
        var f = new PolicyFixture();
        var (_, https) = Alb(f);
        AddRule(f, "alb-rule-accounts", https, 20, Host("api.example.com"), PathPattern("/accounts/*"));
        AddRule(f, "alb-rule-billing", https, 20, Host("api.example.com"), PathPattern("/billing/*"));
        f.AssertOne("CLD-005", "alb-rule-billing", "priority", "the priority of alb-rule-accounts on the same listener alb-https");
    }

    [Fact]
    public void Cld005_condition_limits_one_of_each_kind_three_values_five_evaluations()
    {
        var f = new PolicyFixture();
        var (_, https) = Alb(f);
        AddRule(f, "two-hosts", https, 1, Host("a.example.com"), Host("b.example.com"));
        AddRule(f, "four-values", https, 2, Host("a.example.com", "b.example.com", "c.example.com", "d.example.com"));
        AddRule(f, "six-evaluations", https, 3, Host("a.example.com", "b.example.com", "c.example.com"), PathPattern("/a", "/b", "/c"));
        AddRule(f, "none", https, 4);
        var problems = f.Run("CLD-005").Select(v => $"{v.Subject} {v.Property}: {v.Problem}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, problems.Count);
        Assert.Contains("four-values conditions[0].hostHeader.values: has 4 values; a condition may have at most 3", problems[0], StringComparison.Ordinal);
        Assert.Contains("none conditions: has no condition", problems[1], StringComparison.Ordinal);
        Assert.Contains("six-evaluations conditions: has 6 match evaluations", problems[2], StringComparison.Ordinal);
        Assert.Contains("two-hosts conditions: has 2 hostHeader conditions", problems[3], StringComparison.Ordinal);

        var ok = new PolicyFixture();
        var (_, okHttps) = Alb(ok);
        AddRule(ok, "five", okHttps, 1, Host("a.example.com", "b.example.com", "*.example.com"), PathPattern("/a/*", "/b?"));
        ok.AssertNone("CLD-005");
    }

    [Fact]
    public void Cld005_host_and_path_values_are_at_most_128_characters_from_the_documented_sets()
    {
        var f = new PolicyFixture();
        var (_, https) = Alb(f);
        AddRule(f, "long-host", https, 1, Host(new string('a', 117) + ".example.com")); // 129
        AddRule(f, "bad-path", https, 2, PathPattern("/a b/*"));
        AddRule(f, "ok", https, 3, Host(new string('a', 116) + ".example.com"), PathPattern("/x_y-z.$~\"'@:+&/*")); // host 128
        var problems = f.Run("CLD-005").Select(v => $"{v.Subject}: {v.Problem}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains("bad-path: '/a b/*' contains ' '", problems[0], StringComparison.Ordinal);
        Assert.Contains("long-host", problems[1], StringComparison.Ordinal);
        Assert.Contains("is 129 characters long; host-header condition values allow at most 128", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Cld005_allows_100_rules_per_load_balancer_and_flags_101()
    {
        foreach (var (count, expected) in new[] { (100, 0), (101, 1) })
        {
            var f = new PolicyFixture();
            var (_, https) = Alb(f);
            for (var i = 1; i <= count; i++) AddRule(f, $"rule-{i}", https, i, Host($"h{i}.example.com"));
            var violations = f.Run("CLD-005");
            Assert.Equal(expected, violations.Count);
            if (expected == 1) Assert.Equal("alb-lb", violations[0].Subject);
        }
    }

    [Fact]
    public void Cld010_target_group_health_checks_within_the_models_ranges()
    {
        var f = new PolicyFixture();
        f.Add("tg", "aws:lb/targetGroup:TargetGroup", ("name", "tg"), ("port", 0),
            ("healthCheck", Obj(("interval", 4), ("timeout", 5), ("healthyThreshold", 11), ("path", ""))));
        var problems = f.Run("CLD-010").Select(v => v.Property).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["healthCheck.healthyThreshold", "healthCheck.interval", "healthCheck.path", "healthCheck.timeout", "port"], problems);

        var ok = new PolicyFixture();
        ok.Add("tg", "aws:lb/targetGroup:TargetGroup", ("name", "tg"), ("port", 8080), ("deregistrationDelay", 3600),
            ("healthCheck", Obj(("interval", 5), ("timeout", 2), ("healthyThreshold", 2), ("unhealthyThreshold", 10), ("path", "/healthz"))));
        ok.AssertNone("CLD-010");
    }

    [Fact]
    public void Cld011_certificates_name_valid_domains_and_at_most_10()
    {
        var f = new PolicyFixture();
        f.Add("cert", "aws:acm/certificate:Certificate", ("domainName", "dev.example.com."), ("subjectAlternativeNames", List("*.dev.example.com")));
        f.AssertOne("CLD-011", "cert", "domainName", "ACM domain names");

        var many = new PolicyFixture();
        many.Add("cert", "aws:acm/certificate:Certificate", ("domainName", "example.com"),
            ("subjectAlternativeNames", List(Enumerable.Range(0, 10).Select(i => (Expr)$"h{i}.example.com").ToArray())));
        many.AssertOne("CLD-011", "cert", "subjectAlternativeNames", "asks for 11 domain names");

        var ok = new PolicyFixture();
        ok.Add("cert", "aws:acm/certificate:Certificate", ("domainName", "dev.example.com"),
            ("subjectAlternativeNames", List([.. Enumerable.Range(0, 9).Select(i => (Expr)$"h{i}.dev.example.com"), "dev.example.com"])));
        ok.AssertNone("CLD-011");
    }

    [Fact]
    public void Cld011_a_certificates_domain_name_has_at_most_64_characters_its_alternative_names_more()
    {
        var domain64 = new string('a', 60) + ".com";
        var domain65 = "b" + domain64;
        var f = new PolicyFixture();
        f.Add("cert", "aws:acm/certificate:Certificate", ("domainName", domain65), ("subjectAlternativeNames", List($"*.{domain65}")));
        var violation = f.AssertOne("CLD-011", "cert", "domainName", "is 65 characters long; a certificate's domain name allows at most 64");
        Assert.Contains("RequestCertificate, DomainName", violation.Source);

        var ok = new PolicyFixture();
        ok.Add("cert", "aws:acm/certificate:Certificate", ("domainName", domain64), ("subjectAlternativeNames", List($"*.{domain64}", $"x.{domain65}")));
        ok.AssertNone("CLD-011");
    }

    [Fact]
    public void Cld012_dns_names_ttls_and_values()
    {
        var label = new string('a', 64);
        var f = WithCloudflare(new PolicyFixture());
        f.Add("r53", "aws:route53/record:Record", ("name", $"{label}.example.com"), ("ttl", -1), ("records", List(new string('x', 4001))));
        f.Add("cf", "cloudflare:index/dnsRecord:DnsRecord", ("name", "api.example.com"), ("ttl", 29));
        var problems = f.Run("CLD-012").Select(v => $"{v.Subject} {v.Property}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["cf ttl", "r53 name", "r53 records[0]", "r53 ttl"], problems);

        var ok = WithCloudflare(new PolicyFixture());
        ok.Add("r53", "aws:route53/record:Record", ("name", $"{new string('a', 63)}.example.com."), ("ttl", 0), ("records", List(new string('x', 4000))));
        ok.Add("cf-auto", "cloudflare:index/dnsRecord:DnsRecord", ("name", "api.example.com"), ("ttl", 1));
        ok.Add("cf", "cloudflare:index/dnsRecord:DnsRecord", ("name", "api.example.com"), ("ttl", 86400));
        ok.AssertNone("CLD-012");
    }
}

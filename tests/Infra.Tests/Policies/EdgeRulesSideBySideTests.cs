using Infra.Platform.Configuration;
using Infra.Policies.Edge;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>Each edge rule with a compliant resource beside a non-compliant one, and its boundaries.</summary>
public sealed class EdgeRulesSideBySideTests
{
    private const string Modern = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    private static Resource Listener(PolicyFixture f, string id, Resource? alb, string? protocol, params (string, Expr)[] more)
    {
        var props = new List<(string, Expr)>();
        if (alb is not null) props.Add(("loadBalancerArn", Ref(alb, "arn")));
        if (protocol is not null) props.Add(("protocol", protocol));
        props.AddRange(more);
        return f.Add(id, Tokens.Listener, props.ToArray());
    }

    private static Expr Redirect(string protocol) =>
        Obj(("type", "redirect"), ("redirect", Obj(("protocol", protocol), ("port", "443"), ("statusCode", "HTTP_301"))));

    // EDG-001 ---------------------------------------------------------------------------------

    // Written out rather than read from the rule's list, so a changed list entry is noticed.
    [Theory]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-2021-06")]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-Res-2021-06")]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06")]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06")]
    [InlineData("ELBSecurityPolicy-TLS13-1-3-2021-06")]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04")]
    [InlineData("ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04")]
    public void Edg001_accepts_each_modern_policy_beside_an_old_one(string policy)
    {
        var f = new PolicyFixture();
        Listener(f, "good-https", null, "HTTPS", ("sslPolicy", policy), ("certificateArn", "arn:cert"));
        Listener(f, "old-https", null, "HTTPS", ("sslPolicy", "ELBSecurityPolicy-TLS-1-2-2017-01"), ("certificateArn", "arn:cert"));
        f.AssertOne("EDG-001", "old-https", "uses TLS policy ELBSecurityPolicy-TLS-1-2-2017-01");
        Assert.Equal(2, f.Checked("EDG-001"));
        Assert.Equal(7, HttpsWithModernTls.ModernPolicies.Count);
    }

    [Fact]
    public void Edg001_reports_both_a_default_policy_and_a_missing_certificate()
    {
        var f = new PolicyFixture();
        Listener(f, "bare-https", null, "https");
        Listener(f, "plain-http", null, "HTTP");
        var violations = f.Run("EDG-001");
        Assert.Equal(2, violations.Count);
        Assert.All(violations, v => Assert.Equal("bare-https", v.Subject));
        Assert.Contains(violations, v => v.Problem.Contains("(provider default, allows TLS 1.0/1.1)") && v.Fix.Contains(Modern));
        Assert.Contains(violations, v => v.Problem.Contains("without a certificateArn"));
        Assert.Equal(1, f.Checked("EDG-001"));
    }

    [Fact]
    public void Edg001_a_certificate_known_only_at_deployment_counts()
    {
        var f = new PolicyFixture();
        var cert = f.Add("cert", "aws:acm/certificate:Certificate");
        Listener(f, "https", null, "HTTPS", ("sslPolicy", Modern), ("certificateArn", Ref(cert, "arn")));
        Listener(f, "null-cert", null, "HTTPS", ("sslPolicy", Modern), ("certificateArn", NullLiteral.Instance));
        f.AssertOne("EDG-001", "null-cert", "without a certificateArn");
    }

    // EDG-002 ---------------------------------------------------------------------------------

    [Fact]
    public void Edg002_flags_a_redirect_to_plain_http_beside_a_redirect_to_https()
    {
        var f = new PolicyFixture();
        Listener(f, "good-http", null, "HTTP", ("defaultActions", List(Redirect("HTTPS"))));
        Listener(f, "loop-http", null, "HTTP", ("defaultActions", List(Redirect("HTTP"))));
        f.AssertOne("EDG-002", "loop-http", "serves plain HTTP (default action redirect) instead of redirecting");
        Assert.Equal(2, f.Checked("EDG-002"));
    }

    [Fact]
    public void Edg002_every_default_action_must_be_the_https_redirect()
    {
        var f = new PolicyFixture();
        Listener(f, "mixed-http", null, "HTTP", ("defaultActions", List(Redirect("HTTPS"), Obj(("type", "forward")))));
        f.AssertOne("EDG-002", "mixed-http", "(default action redirect, forward)");
    }

    [Fact]
    public void Edg002_a_forward_that_names_https_is_not_a_redirect()
    {
        var f = new PolicyFixture();
        Listener(f, "odd-http", null, "HTTP", ("defaultActions", List(Obj(("type", "forward"), ("redirect", Obj(("protocol", "HTTPS")))))));
        f.AssertOne("EDG-002", "odd-http", "(default action forward)");
    }

    [Fact]
    public void Edg002_a_listener_without_actions_or_protocol_serves_http()
    {
        var f = new PolicyFixture();
        Listener(f, "empty-http", null, null, ("defaultActions", List()));
        Listener(f, "untyped-http", null, null, ("defaultActions", List(Obj(("redirect", Obj(("protocol", "HTTPS")))))));
        Listener(f, "tls", null, "HTTPS", ("defaultActions", List(Obj(("type", "forward")))));
        Assert.Equal(["empty-http", "untyped-http"], f.Run("EDG-002").Select(v => v.Subject).Order());
        Assert.Contains("(default action ?)", f.Run("EDG-002").Single(v => v.Subject == "untyped-http").Problem);
        Assert.Equal(2, f.Checked("EDG-002"));
    }

    // EDG-003 / EDG-004 / EDG-005 -----------------------------------------------------------------

    [Fact]
    public void Edg003_flags_the_alb_that_forwards_invalid_headers_beside_one_that_drops_them()
    {
        var f = new PolicyFixture();
        f.Add("good-alb", Tokens.LoadBalancer, ("loadBalancerType", "application"), ("dropInvalidHeaderFields", "true"));
        f.Add("bad-alb", Tokens.LoadBalancer, ("dropInvalidHeaderFields", false));
        f.Add("nlb", Tokens.LoadBalancer, ("loadBalancerType", "network"));
        f.AssertOne("EDG-003", "bad-alb", "forwards headers with invalid names");
        Assert.Equal(2, f.Checked("EDG-003"));
    }

    [Fact]
    public void Edg004_needs_both_enabled_logs_and_a_bucket()
    {
        var f = new PolicyFixture();
        f.Add("good-alb", Tokens.LoadBalancer, ("accessLogs", Obj(("enabled", true), ("bucket", "logs"))));
        f.Add("no-bucket", Tokens.LoadBalancer, ("accessLogs", Obj(("enabled", true))));
        f.Add("not-enabled", Tokens.LoadBalancer, ("accessLogs", Obj(("bucket", "logs"))));
        f.Add("null-bucket", Tokens.LoadBalancer, ("accessLogs", Obj(("enabled", true), ("bucket", NullLiteral.Instance))));
        Assert.Equal(["no-bucket", "not-enabled", "null-bucket"], f.Run("EDG-004").Select(v => v.Subject).Order());
        Assert.Equal(4, f.Checked("EDG-004"));
    }

    [Fact]
    public void Edg005_protects_every_load_balancer_on_production_including_network_ones()
    {
        var f = new PolicyFixture(environment: DeploymentEnvironment.Production);
        f.Add("good-alb", Tokens.LoadBalancer, ("enableDeletionProtection", true));
        f.Add("nlb", Tokens.LoadBalancer, ("loadBalancerType", "network"), ("enableDeletionProtection", "false"));
        f.AssertOne("EDG-005", "nlb", "can be deleted on a production stack (enableDeletionProtection is not true)");
        Assert.Equal(2, f.Checked("EDG-005"));
        var dev = new PolicyFixture(environment: DeploymentEnvironment.Dev);
        dev.Add("nlb", Tokens.LoadBalancer);
        Assert.Equal(0, dev.Checked("EDG-005"));
    }

    // EDG-006 ---------------------------------------------------------------------------------

    [Fact]
    public void Edg006_a_listener_of_another_alb_does_not_count()
    {
        var f = new PolicyFixture();
        var a = f.Add("alb-a", Tokens.LoadBalancer);
        var b = f.Add("alb-b", Tokens.LoadBalancer);
        Listener(f, "alb-a-https", a, "HTTPS");
        Listener(f, "alb-b-http", b, "HTTP");
        // A non-listener that names the ALB and says HTTPS is not a listener either.
        f.Add("alb-b-tg", "aws:lb/targetGroup:TargetGroup", ("loadBalancerArn", Ref(b, "arn")), ("protocol", "HTTPS"));
        f.AssertOne("EDG-006", "alb-b", "has no HTTPS listener");
        Assert.Equal(2, f.Checked("EDG-006"));
        Assert.Equal(["alb-a-https"], LoadBalancers.ListenersOf(f.Blueprint, a).Select(l => l.Name));
    }

    [Fact]
    public void Edg006_is_satisfied_by_a_lower_case_https_listener()
    {
        var f = new PolicyFixture();
        var alb = f.Add("alb", Tokens.LoadBalancer);
        Listener(f, "alb-https", alb, "https");
        f.AssertNone("EDG-006");
    }
}

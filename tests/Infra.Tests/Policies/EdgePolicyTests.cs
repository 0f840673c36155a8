using Infra.Platform.Configuration;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

public sealed class EdgePolicyTests
{
    private const string Modern = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /// <summary>A compliant ALB with its HTTPS listener and an HTTP→HTTPS redirect.</summary>
    private static Resource GoodAlb(PolicyFixture f, string id = "alb")
    {
        var alb = f.Add(id, Tokens.LoadBalancer, ("dropInvalidHeaderFields", true), ("enableDeletionProtection", true),
            ("accessLogs", Obj(("bucket", "logs"), ("enabled", true))));
        f.Add($"{id}-https", Tokens.Listener, ("loadBalancerArn", Ref(alb, "arn")), ("port", 443), ("protocol", "HTTPS"),
            ("sslPolicy", Modern), ("certificateArn", "arn:aws:acm:eu-west-1:111122223333:certificate/abc"),
            ("defaultActions", List(Obj(("type", "forward"), ("targetGroupArn", "tg")))));
        f.Add($"{id}-http", Tokens.Listener, ("loadBalancerArn", Ref(alb, "arn")), ("port", 80), ("protocol", "HTTP"),
            ("defaultActions", List(Obj(("type", "redirect"), ("redirect", Obj(("protocol", "HTTPS"), ("port", "443"), ("statusCode", "HTTP_301")))))));
        return alb;
    }

    [Fact]
    public void A_compliant_alb_passes_every_edge_rule()
    {
        var f = new PolicyFixture(environment: DeploymentEnvironment.Production);
        GoodAlb(f);
        foreach (var id in new[] { "EDG-001", "EDG-002", "EDG-003", "EDG-004", "EDG-005", "EDG-006" }) f.AssertNone(id);
    }

    [Fact]
    public void Edg001_flags_an_old_tls_policy_and_a_missing_certificate()
    {
        var f = new PolicyFixture();
        var alb = f.Add("alb", Tokens.LoadBalancer);
        f.Add("alb-https", Tokens.Listener, ("loadBalancerArn", Ref(alb, "arn")), ("protocol", "HTTPS"),
            ("sslPolicy", "ELBSecurityPolicy-2016-08"), ("certificateArn", "arn:cert"));
        f.AssertOne("EDG-001", "alb-https", "uses TLS policy ELBSecurityPolicy-2016-08");

        var noCert = new PolicyFixture();
        noCert.Add("alb-https", Tokens.Listener, ("protocol", "HTTPS"), ("sslPolicy", Modern));
        noCert.AssertOne("EDG-001", "alb-https", "without a certificateArn");
    }

    [Fact]
    public void Edg002_flags_an_http_listener_that_forwards()
    {
        var f = new PolicyFixture();
        f.Add("alb-http", Tokens.Listener, ("port", 80), ("protocol", "HTTP"), ("defaultActions", List(Obj(("type", "forward")))));
        f.AssertOne("EDG-002", "alb-http", "serves plain HTTP (default action forward)");
    }

    [Fact]
    public void Edg003_and_Edg004_flag_header_and_log_settings()
    {
        var f = new PolicyFixture();
        f.Add("alb", Tokens.LoadBalancer, ("accessLogs", Obj(("bucket", "logs"), ("enabled", false))));
        f.AssertOne("EDG-003", "alb", "forwards headers with invalid names");
        f.AssertOne("EDG-004", "alb", "writes no access logs");
    }

    [Fact]
    public void Edg003_ignores_network_load_balancers()
    {
        var f = new PolicyFixture();
        f.Add("nlb", Tokens.LoadBalancer, ("loadBalancerType", "network"));
        f.AssertNone("EDG-003");
        f.AssertNone("EDG-006");
    }

    [Fact]
    public void Edg005_requires_deletion_protection_off_dev_only()
    {
        var staging = new PolicyFixture(environment: DeploymentEnvironment.Staging);
        staging.Add("alb", Tokens.LoadBalancer);
        staging.AssertOne("EDG-005", "alb", "can be deleted on a staging stack");

        var dev = new PolicyFixture(environment: DeploymentEnvironment.Dev);
        dev.Add("alb", Tokens.LoadBalancer);
        dev.AssertNone("EDG-005");
    }

    [Fact]
    public void Edg006_requires_an_https_listener_on_every_alb()
    {
        var f = new PolicyFixture();
        var alb = f.Add("alb", Tokens.LoadBalancer);
        f.Add("alb-http", Tokens.Listener, ("loadBalancerArn", Ref(alb, "arn")), ("protocol", "HTTP"));
        f.AssertOne("EDG-006", "alb", "has no HTTPS listener");
    }
}

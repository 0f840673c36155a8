using Infra.Synthesis;
using Infra.Tests.Support;

namespace Infra.Tests.Core;

/// <summary>
/// Every <c>fn::invoke</c> names an explicit provider, found the way a resource finds its own: a lookup on
/// Pulumi's implicit default provider would run in the region of the environment, not of the stack.
/// </summary>
public class InvokeProviderTests
{
    private static Blueprint WithAws(out ProviderResource aws)
    {
        var bp = TestBlueprint.Create();
        aws = new ProviderResource(bp, "aws", "aws", "7.48.0");
        bp.UseProvider(aws);
        return bp;
    }

    [Fact]
    public void An_invoke_names_the_scopes_provider_for_its_package_and_its_version()
    {
        var bp = WithAws(out _);
        var zones = bp.Variable<string>("zones", Fn.Invoke<string>(bp, "aws:index/getAvailabilityZones:getAvailabilityZones",
            new Dictionary<string, object> { ["state"] = "available" }, "names").Expr);
        _ = new TestResource(bp, "use", "test:index:Use", TestBlueprint.Props(("zones", zones.Expr)));

        var options = ProgramYaml.Parse(bp.ToYaml()).At("variables", "zones", "fn::invoke", "options");
        Assert.Equal("${aws}", options.At("provider").Text());
        Assert.Equal("7.48.0", options.At("version").Text());
    }

    [Fact]
    public void An_invoke_inside_a_component_finds_the_nearest_provider_of_its_package()
    {
        var bp = WithAws(out _);
        Output<string>? zone = null;
        _ = new TestComponent(bp, "dns", dns =>
        {
            var inner = new ProviderResource(dns, "aws-us-east-1", "aws", "7.48.0");
            dns.UseProvider(inner);
            zone = Fn.Invoke<string>(dns, "aws:route53/getZone:getZone", new Dictionary<string, object> { ["name"] = "example.com" }, "zoneId");
        });
        _ = new TestResource(bp, "use", "test:index:Use", TestBlueprint.Props(("zone", zone!.Expr)));

        var invoke = ProgramYaml.Parse(bp.ToYaml()).At("resources", "use", "properties", "zone", "fn::invoke");
        Assert.Equal("${dns-aws-us-east-1}", invoke.At("options", "provider").Text());
    }

    [Fact]
    public void An_invoke_without_a_provider_of_its_package_is_an_error_not_a_default_provider()
    {
        var bp = TestBlueprint.Create();
        var error = Assert.Throws<SynthesisException>(() => Fn.Invoke<string>(bp, "aws:index/getCallerIdentity:getCallerIdentity"));
        Assert.Contains("fn::invoke aws:index/getCallerIdentity:getCallerIdentity", error.Message);
        Assert.Contains("no 'aws' provider", error.Message);
        Assert.Contains("UseProvider", error.Message);
    }

    [Fact]
    public void An_explicit_provider_of_another_package_is_refused()
    {
        var bp = WithAws(out _);
        var test = (ProviderResource)bp.FindResource("test-provider")!;
        var error = Assert.Throws<SynthesisException>(() => Fn.Invoke<string>(bp, "aws:index/getCallerIdentity:getCallerIdentity", provider: test));
        Assert.Contains("package 'test'", error.Message);
        Assert.Contains("needs a 'aws' provider", error.Message);
    }
}

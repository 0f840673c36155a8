using System.Text;
using System.Text.Json;
using Infra.Cli.Rendering;
using Infra.Policies;
using Infra.Policies.Exemptions;
using Infra.Policies.Inspection;
using Infra.Tests.Policies;

namespace Infra.Tests.Cloud;

/// <summary>
/// What users see of a cloud-constraint finding in `infra plan`, `infra policy` (table and JSON) and
/// the refused `infra synth`: the resource, the property, the rule and its source, and a fix.
/// </summary>
public sealed class CloudFindingsViewTests
{
    private static PolicyReport Report()
    {
        var f = new PolicyFixture();
        f.Add("sg-alb", Tokens.SecurityGroup, ("description", "load balancer"));
        return PolicyPack.Evaluate(f.Context(), []);
    }

    [Fact]
    public void Plan_and_policy_list_the_finding_with_property_and_source()
    {
        var findings = new StringBuilder();
        PolicyView.Violations(findings, Report());
        var line = findings.ToString().Split('\n').Single(l => l.Contains("CLD-001", StringComparison.Ordinal));
        Assert.StartsWith("  [CLD-001 mandatory] sg-alb name: name is not set, so Pulumi autonames the resource 'sg-alb-'", line);
        Assert.Contains("Source: Amazon EC2 API Reference, CreateSecurityGroup, GroupName", line, StringComparison.Ordinal);
        Assert.Contains("Fix: set name explicitly", line, StringComparison.Ordinal);

        var table = PolicyView.Table(Report(), new PolicyConfig([], []));
        Assert.Contains("CLD-001  mandatory  FAIL", table, StringComparison.Ordinal);
        Assert.Contains("[CLD-001 mandatory] sg-alb name:", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_json_carries_property_and_source_as_fields()
    {
        using var json = JsonDocument.Parse(PolicyView.Json(Report(), new PolicyConfig([], [])));
        var violation = json.RootElement.GetProperty("violations").EnumerateArray().Single(v => v.GetProperty("policy").GetString() == "CLD-001");
        Assert.Equal("sg-alb", violation.GetProperty("resource").GetString());
        Assert.Equal("name", violation.GetProperty("property").GetString());
        Assert.StartsWith("Amazon EC2 API Reference, CreateSecurityGroup", violation.GetProperty("source").GetString());
        Assert.Equal("mandatory", violation.GetProperty("severity").GetString());
        var policy = json.RootElement.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "CLD-001");
        Assert.Equal("Cloud", policy.GetProperty("category").GetString());
    }

    [Fact]
    public void Synth_refuses_the_program_naming_the_cloud_finding()
    {
        var message = new PolicyViolationException(Report()).Message;
        Assert.Contains("[CLD-001 mandatory] sg-alb name:", message, StringComparison.Ordinal);
        Assert.Contains("nothing will be deployed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_without_a_property_render_as_before()
    {
        var v = new Violation("HYG-006", Severity.Mandatory, "app-server", "disables the image's health check (NONE).", "remove it.");
        Assert.Equal("[HYG-006 mandatory] app-server: disables the image's health check (NONE). Fix: remove it.", v.Render());
    }
}

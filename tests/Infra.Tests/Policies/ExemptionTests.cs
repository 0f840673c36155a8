using System.Text.Json.Nodes;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Policies;
using Infra.Policies.Exemptions;
using Infra.Policies.Inspection;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Policies;

public sealed class ExemptionTests
{
    private static (IReadOnlyList<PolicyExemption> Exemptions, IReadOnlyList<ConfigError> Errors) Read(string json, bool production = false)
    {
        var reader = new ConfigReader(ConfigSource.Empty("test"), "test", Tier.Dc9, CommonKeys.All);
        var exemptions = ExemptionReader.Read(JsonNode.Parse(json), reader, PolicyPack.All, production);
        return (exemptions, reader.Errors);
    }

    [Fact]
    public void A_complete_exemption_is_read()
    {
        var (exemptions, errors) = Read("""[{"policy": "HYG-008", "resource": "app-server", "reason": "sized by the host"}]""");
        Assert.Empty(errors);
        Assert.Equal(new PolicyExemption("HYG-008", "app-server", "sized by the host"), Assert.Single(exemptions));
    }

    [Fact]
    public void Pulumi_config_json_text_is_accepted()
    {
        var reader = new ConfigReader(ConfigSource.Empty("PULUMI_CONFIG"), "test", Tier.Dc9, CommonKeys.All);
        var text = JsonValue.Create("""[{"policy":"NET-008","resource":"*","reason":"egress via NAT is reviewed"}]""");
        var exemption = Assert.Single(ExemptionReader.Read(text, reader, PolicyPack.All, false));
        Assert.Equal("*", exemption.Resource);
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public void An_exemption_without_a_reason_is_a_config_error()
    {
        var (exemptions, errors) = Read("""[{"policy": "NET-001", "resource": "bastion-sg", "reason": "  "}]""");
        Assert.Empty(exemptions);
        var error = Assert.Single(errors);
        Assert.Equal("infra:policyExemptions[0].reason", error.Key);
        Assert.Equal("  ", error.Value);
        Assert.Contains("must say why", error.Problem);
    }

    [Fact]
    public void Unknown_policies_fields_and_shapes_are_config_errors()
    {
        var (_, errors) = Read("""[{"policy": "NET-01", "resource": "x", "reason": "r"}, {"policy": "NET-001", "resource": "x", "reason": "r", "until": "2027"}, "NET-001"]""");
        Assert.Contains(errors, e => e.Key == "infra:policyExemptions[0].policy" && e.Value == "NET-01" && e.Problem.Contains("Did you mean NET-001"));
        Assert.Contains(errors, e => e.Key == "infra:policyExemptions[1].until" && e.Problem == "is not a known field.");
        Assert.Contains(errors, e => e.Key == "infra:policyExemptions[2]" && e.Value == "NET-001" && e.Problem.Contains("must be an object"));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void A_mandatory_exemption_on_production_needs_allowOnProduction()
    {
        var (exemptions, errors) = Read("""[{"policy": "NET-001", "resource": "bastion-sg", "reason": "incident 42"}]""", production: true);
        Assert.Empty(exemptions);
        Assert.Contains("without allowOnProduction: true", Assert.Single(errors).Problem);

        var (allowed, none) = Read("""[{"policy": "NET-001", "resource": "bastion-sg", "reason": "incident 42", "allowOnProduction": true}]""", production: true);
        Assert.Empty(none);
        Assert.True(Assert.Single(allowed).AllowOnProduction);

        // Advisory policies never block, so waiving one needs no extra flag.
        var (advisory, noErrors) = Read("""[{"policy": "NET-008", "resource": "*", "reason": "NAT egress reviewed"}]""", production: true);
        Assert.Empty(noErrors);
        Assert.Single(advisory);
    }

    [Fact]
    public void Exemptions_move_violations_out_of_the_failures_and_unused_ones_are_reported()
    {
        var f = new PolicyFixture();
        f.Add("data-1", Tokens.EbsVolume, ("encrypted", false));
        f.Add("data-2", Tokens.EbsVolume, ("encrypted", false));
        var exemptions = new[]
        {
            new PolicyExemption("CMP-002", "data-1", "scratch volume, wiped nightly"),
            new PolicyExemption("CMP-002", "data-9", "stale"),
        };
        var report = PolicyPack.Evaluate([PolicyPack.Find("CMP-002")!], f.Context(), exemptions);
        var result = Assert.Single(report.Results);
        Assert.Equal("data-2", Assert.Single(result.Failed).Subject);
        Assert.Equal("data-1", Assert.Single(result.Exempted).Violation.Subject);
        Assert.Equal("data-9", Assert.Single(report.UnusedExemptions).Resource);

        var all = PolicyPack.Evaluate([PolicyPack.Find("CMP-002")!], f.Context(), [new PolicyExemption("CMP-002", "*", "lab account")]);
        Assert.False(all.HasMandatoryFailures);
        Assert.Equal(2, all.Results[0].Exempted.Count);
        Assert.Equal("exempt", all.Results[0].Status);
    }

    private const string NoHealthCheck = """
        config:
          infra:appHealthCheck: ["NONE"]
        """;

    [Fact]
    public void The_synthesizer_refuses_a_mandatory_violation_and_lists_it()
    {
        using var project = new TempProject(("laptop", NoHealthCheck));
        var error = Assert.Throws<PolicyViolationException>(() => StackSynthesizer.Synthesize(new ProjectDirectory(project.Root), "laptop", null));
        var violation = Assert.Single(error.Report.MandatoryFailures);
        Assert.Equal(("HYG-006", "app-server"), (violation.PolicyId, violation.Subject));
        Assert.Contains("[HYG-006 mandatory] app-server: disables the image's health check", error.Message);
    }

    [Fact]
    public void An_exemption_in_the_stack_file_lets_synthesis_through()
    {
        using var project = new TempProject(("laptop", NoHealthCheck + """

              infra:policyExemptions:
                - policy: HYG-006
                  resource: app-server
                  reason: the stand-in image has no probe yet
            """));
        var blueprint = StackSynthesizer.Synthesize(new ProjectDirectory(project.Root), "laptop", null);
        Assert.NotNull(blueprint.FindResource("app-server"));
        var report = StackSynthesizer.Check(new ProjectDirectory(project.Root), "laptop", null).Report!;
        Assert.Equal("the stand-in image has no probe yet", Assert.Single(report.Results.SelectMany(r => r.Exempted)).Exemption.Reason);
    }

    [Fact]
    public void Exemption_errors_are_listed_with_the_other_config_errors()
    {
        using var project = new TempProject(("laptop", """
            config:
              infra:environment: production
              infra:owner: "bad owner!"
              infra:policyExemptions:
                - policy: HYG-006
                  resource: app-server
                  reason: no probe yet
                - policy: HYG-005
                  resource: app-server
            """));
        var error = Assert.Throws<ConfigException>(() => StackSynthesizer.Synthesize(new ProjectDirectory(project.Root), "laptop", null));
        Assert.Contains(error.Errors, e => e.Key == "infra:owner");
        Assert.Contains(error.Errors, e => e.Key == "infra:policyExemptions[0].policy" && e.Problem.Contains("exempts mandatory policy HYG-006"));
        Assert.Contains(error.Errors, e => e.Key == "infra:policyExemptions[1].reason" && e.Problem.StartsWith("is required and not set"));
    }

    [Fact]
    public void The_cost_guard_key_is_validated()
    {
        using var project = new TempProject(("laptop", """
            config:
              infra:allowedInstanceTypes: ["t3.micro", "huge machine"]
            """));
        var error = Assert.Throws<ConfigException>(() => StackSynthesizer.Synthesize(new ProjectDirectory(project.Root), "laptop", null));
        Assert.Contains(error.Errors, e => e.Key == "infra:allowedInstanceTypes" && e.Value == "huge machine");
    }
}

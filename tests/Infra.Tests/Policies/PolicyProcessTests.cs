using System.Text.Json;
using Infra.Tests.Support;

namespace Infra.Tests.Policies;

/// <summary>The built tool run as Pulumi runs its compiler: cwd = the project, PULUMI_STACK and PULUMI_CONFIG set.</summary>
public sealed class PolicyProcessTests
{
    private static Dictionary<string, string> Pulumi(string configJson) => new()
    {
        ["PULUMI_STACK"] = "laptop",
        ["PULUMI_PROJECT"] = "infra",
        ["PULUMI_ORGANIZATION"] = "organization",
        ["PULUMI_CONFIG"] = configJson,
    };

    // Pulumi passes structured config values as JSON text.
    private const string NoHealthCheck = """{"infra:appHealthCheck": "[\"NONE\"]"}""";

    [Fact]
    public void Synth_exits_3_with_every_violation_on_stderr_and_nothing_on_stdout()
    {
        using var project = new TempProject();
        var (exit, stdout, stderr) = InfraProcess.Run(project.Root, Pulumi(NoHealthCheck), "synth");
        Assert.Equal(3, exit);
        Assert.Equal("", stdout);
        Assert.Contains("[HYG-006 mandatory] app-server: disables the image's health check (NONE).", stderr);
        Assert.Contains("infra:policyExemptions", stderr);
    }

    [Fact]
    public void Synth_prints_the_program_when_the_violation_is_exempted()
    {
        using var project = new TempProject();
        var config = """{"infra:appHealthCheck": "[\"NONE\"]", "infra:policyExemptions": "[{\"policy\":\"HYG-006\",\"resource\":\"app-server\",\"reason\":\"stand-in has no probe\"}]"}""";
        var (exit, stdout, stderr) = InfraProcess.Run(project.Root, Pulumi(config), "synth");
        Assert.True(exit == 0, stderr);
        Assert.Contains("app-server:", stdout);
    }

    [Fact]
    public void Synth_without_a_stack_still_prints_the_discovery_program()
    {
        using var project = new TempProject();
        var (exit, stdout, _) = InfraProcess.Run(project.Root, new Dictionary<string, string>(), "synth");
        Assert.Equal(0, exit);
        Assert.Contains("pulumi:providers:aws", stdout);
    }

    [Fact]
    public void Policy_json_reports_the_failure_for_ci_with_exit_3()
    {
        using var project = new TempProject();
        var (exit, stdout, stderr) = InfraProcess.Run(project.Root, Pulumi(NoHealthCheck), "policy", "--format", "json");
        Assert.True(exit == 3, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        var violation = json.RootElement.GetProperty("violations").EnumerateArray()
            .Single(v => v.GetProperty("severity").GetString() == "mandatory");
        Assert.Equal("HYG-006", violation.GetProperty("policy").GetString());
        Assert.Equal("app-server", violation.GetProperty("resource").GetString());
        Assert.True(json.RootElement.GetProperty("policies").GetArrayLength() >= 25);
    }

    [Fact]
    public void Policy_table_passes_the_default_laptop_stack_on_every_policy_advisories_included()
    {
        using var project = new TempProject(("laptop", "config: {}\n"));
        var (exit, stdout, stderr) = InfraProcess.Run(project.Root, new Dictionary<string, string>(), "policy", "laptop");
        Assert.True(exit == 0, stderr);
        Assert.Contains("PLT-001  mandatory  pass", stdout);
        Assert.Contains("HYG-008  advisory   pass", stdout);
        Assert.Contains("0 mandatory violation(s), 0 advisory finding(s)", stdout);
        Assert.Contains("Exemptions (infra:policyExemptions):", stdout);
    }

    [Fact]
    public void Advisory_findings_are_shown_but_never_fail_the_command()
    {
        var onprem3 = File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.onprem3.yaml"));
        using var project = new TempProject(("onprem3", onprem3));
        var (exit, stdout, stderr) = InfraProcess.Run(project.Root, new Dictionary<string, string>(), "policy", "onprem3");
        Assert.True(exit == 0, stderr);
        Assert.Contains("HYG-008  advisory   FAIL", stdout);
        Assert.Contains("[HYG-008 advisory] server-1-app-server: has no memory limit.", stdout);
        Assert.Contains("0 mandatory violation(s)", stdout);
    }

    [Fact]
    public void Policy_without_a_stack_lists_the_pack()
    {
        using var project = new TempProject();
        var (exit, stdout, _) = InfraProcess.Run(project.Root, null, "policy");
        Assert.Equal(0, exit);
        Assert.Contains("NET-001  mandatory  -", stdout);
        Assert.Contains("No SSH/RDP or all-ports ingress from 0.0.0.0/0 or ::/0", stdout);
    }

    [Fact]
    public void Plan_shows_violations_and_exits_3()
    {
        using var project = new TempProject();
        var (exit, stdout, _) = InfraProcess.Run(project.Root, Pulumi(NoHealthCheck), "plan");
        Assert.Equal(3, exit);
        Assert.Contains("app-server", stdout);
        Assert.Contains("[HYG-006 mandatory]", stdout);
    }
}

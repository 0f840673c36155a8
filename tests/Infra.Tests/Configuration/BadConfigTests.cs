using Infra.Tests.Support;

namespace Infra.Tests.Configuration;

/// <summary>
/// Bad configuration, run through the real tool: each case must exit 1, print nothing on stdout,
/// and say on stderr which key, which value and what is wrong or allowed.
/// </summary>
public class BadConfigTests
{
    public static TheoryData<string> Cases => BadConfigCorpus.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_config_exits_1_with_a_precise_message_and_nothing_on_stdout(string name)
    {
        var c = BadConfigCorpus.Named(name);
        var result = Run(c, "synth");

        Assert.Equal("", result.Stdout);
        Assert.Equal(1, result.ExitCode);
        foreach (var fragment in c.Expected) Assert.Contains(fragment, result.Stderr);
        foreach (var fragment in c.Absent ?? []) Assert.DoesNotContain(fragment, result.Stderr);
    }

    /// <summary>plan and policy read the same config through the same rules (A16: a bad schedule is caught before merge).</summary>
    [Theory]
    [InlineData("plan", "schedule with an unknown time zone")]
    [InlineData("policy", "schedule with an unknown time zone")]
    [InlineData("plan", "deployOnPush not a boolean")]
    [InlineData("policy", "deployOnPush not a boolean")]
    [InlineData("plan", "misspelt namespace")]
    [InlineData("policy", "duplicate key in PULUMI_CONFIG")]
    [InlineData("plan", "stack name with a space")]
    public void Plan_and_policy_refuse_the_same_config(string command, string name)
    {
        var c = BadConfigCorpus.Named(name);
        var result = Run(c, command);

        Assert.Equal("", result.Stdout);
        Assert.Equal(1, result.ExitCode);
        foreach (var fragment in c.Expected) Assert.Contains(fragment, result.Stderr);
    }

    /// <summary>Runs the case as Pulumi would (PULUMI_STACK + PULUMI_CONFIG) or as a person would (a stack argument).</summary>
    internal static ProcessResult Run(BadConfigCase c, string command)
    {
        using var project = new TempProject();
        if (c.StackFile is not null) project.WriteStack(c.Stack, c.StackFile);
        if (c.PulumiConfig is null) return InfraProcess.Run(project.Root, null, command, c.Stack);
        var env = new Dictionary<string, string> { ["PULUMI_STACK"] = c.Stack, ["PULUMI_CONFIG"] = c.PulumiConfig };
        return InfraProcess.Run(project.Root, env, command);
    }

    [Fact]
    public void A_wrong_command_line_is_a_usage_error_with_exit_code_2()
    {
        var result = InfraProcess.Run(RepoPaths.Root, null, "synth", "laptop", "extra-argument");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("extra-argument", result.Stderr);
    }

    [Fact]
    public void Help_documents_the_exit_codes_on_every_command()
    {
        foreach (var command in new[] { "synth", "plan", "tiers" })
        {
            var result = InfraProcess.Run(RepoPaths.Root, null, command, "--help");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Exit codes: 0 success; 1 invalid configuration", result.Stdout);
        }
    }
}

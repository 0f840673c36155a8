namespace Infra.Tests.Workflows;

/// <summary>deploy-main.yml's shell steps against stubbed `./infra` and `gh`.</summary>
public sealed class DeployWorkflowTests : IDisposable
{
    private readonly StepSandbox sandbox = new();
    private static readonly WorkflowFile Workflow = WorkflowFile.Named("deploy-main.yml");
    private const string Sha = "1111111111111111111111111111111111111111";

    [Fact]
    public void Opted_in_stacks_come_from_infra_stacks_and_broken_or_unreachable_ones_are_named()
    {
        sandbox.Stub("infra", """
            cat <<'JSON'
            [{"name":"dc9","environment":"dev","deployOnPush":true,"credentials":["aws"],"error":null},
             {"name":"dev-eu","environment":"dev","deployOnPush":true,"credentials":["aws","cloudflare"],"error":null},
             {"name":"dev-broken","environment":"dev","deployOnPush":false,"credentials":[],"error":"infra:owner: is not valid"},
             {"name":"onprem3","environment":"dev","deployOnPush":true,"credentials":["ssh"],"error":null},
             {"name":"prod-eu","environment":"production","deployOnPush":true,"credentials":["aws"],"error":null},
             {"name":"laptop","environment":"dev","deployOnPush":false,"credentials":["local-docker"],"error":null}]
            JSON
            """);
        var result = sandbox.Run(Workflow.Step("stacks", "opted-in"));

        Assert.True(result.ExitCode == 0, result.Log);
        Assert.Equal(
            """[{"stack":"dc9","environment":"dev","runner":"ubuntu-latest"},{"stack":"dev-eu","environment":"dev","runner":"ubuntu-latest"},{"stack":"prod-eu","environment":"production","runner":"ubuntu-latest"}]""",
            result.Outputs["stacks"]);
        Assert.Contains("::warning title=not deployed: dev-broken::infra:owner: is not valid", result.Stdout);
        Assert.Contains("::notice title=not deployed: onprem3::onprem3 needs SSH to its hosts", result.Stdout);

        var withRunner = sandbox.Run(Workflow.Step("stacks", "opted-in"), new() { ["ONPREM3_RUNNER"] = "lab" });
        Assert.Contains("""{"stack":"onprem3","environment":"dev","runner":"lab"}""", withRunner.Outputs["stacks"]);
    }

    private StepResult Check(string mainSha, string desiredScript)
    {
        sandbox.Stub("gh", $$"""
            [ "$*" = "api repos/acme/infra/git/ref/heads/main --jq .object.sha" ] || { echo "unexpected gh call: $*" >&2; exit 99; }
            echo {{mainSha}}
            """);
        sandbox.Stub("infra", desiredScript);
        return sandbox.Run(Workflow.Step("up", "check"), new() { ["STACK"] = "dev-eu", ["REPOSITORY"] = "acme/infra", ["SHA"] = Sha, ["GH_TOKEN"] = "t" });
    }

    [Fact]
    public void An_older_commit_is_not_deployed_once_main_has_moved_on()
    {
        var result = Check("2222222222222222222222222222222222222222", "echo 'infra must not be asked' >&2; exit 99");
        Assert.True(result.ExitCode == 0, result.Log);
        Assert.Equal("false", result.Outputs["deploy"]);
        Assert.Contains("::notice title=skipped: dev-eu::dev-eu not deployed: main has moved on to 2222222", result.Stdout);
    }

    [Fact]
    public void A_weekend_push_does_not_bring_up_a_stack_the_schedule_wants_down()
    {
        var result = Check(Sha, """
            [ "$*" = "schedule --stack dev-eu --desired" ] || exit 99
            echo "dev-eu: down: weekend teardown Fri 20:00 Europe/Berlin" >&2; echo down
            """);
        Assert.True(result.ExitCode == 0, result.Log);
        Assert.Equal("false", result.Outputs["deploy"]);
        Assert.Contains("its schedule wants it down now (dev-eu: down: weekend teardown Fri 20:00 Europe/Berlin)", result.Stdout);
    }

    [Theory]
    [InlineData("up")]
    [InlineData("unmanaged")]
    public void The_current_commit_deploys_when_the_schedule_wants_it_up_or_has_no_say(string desired)
    {
        var result = Check(Sha, $"""echo "dev-eu: {desired}: ..." >&2; echo {desired}""");
        Assert.True(result.ExitCode == 0, result.Log);
        Assert.Equal("true", result.Outputs["deploy"]);
    }

    [Fact]
    public void A_stack_whose_schedule_cannot_be_read_fails_its_job_with_the_reason()
    {
        var result = Check(Sha, """echo "infra schedule: stack 'dev-eu': infra:schedule.timeZone: bad" >&2; exit 1""");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("::error title=not deployed: dev-eu::infra schedule: stack 'dev-eu': infra:schedule.timeZone: bad", result.Stdout);
        Assert.False(result.Outputs.ContainsKey("deploy"));
    }

    public void Dispose() => sandbox.Dispose();
}

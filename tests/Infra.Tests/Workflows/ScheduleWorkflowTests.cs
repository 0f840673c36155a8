namespace Infra.Tests.Workflows;

/// <summary>dev-schedule.yml's shell steps, run against stubbed `./infra` (and the real jq).</summary>
public sealed class ScheduleWorkflowTests : IDisposable
{
    private readonly StepSandbox sandbox = new();
    private static readonly WorkflowFile Workflow = WorkflowFile.Named("dev-schedule.yml");

    // dev-a comes up, dev-b has a bad config, dev-c's schedule command fails, prod-eu is production,
    // onprem-x needs SSH, dev-d has nothing to do, laptop has no schedule at all.
    private const string Stacks = """
        [{"name":"dev-a","tier":"dc9","available":true,"environment":"dev","deployOnPush":false,"schedule":true,"expiresOn":null,"credentials":["aws"],"error":null},
         {"name":"dev-b","tier":"dc9","available":true,"environment":"dev","deployOnPush":false,"schedule":true,"expiresOn":null,"credentials":[],"error":"infra:schedule.timeZone: 'Mars/Base' is not a known IANA time zone id"},
         {"name":"dev-c","tier":"dc9","available":true,"environment":"dev","deployOnPush":false,"schedule":true,"expiresOn":null,"credentials":["aws"],"error":null},
         {"name":"dev-d","tier":"dc9","available":true,"environment":"dev","deployOnPush":false,"schedule":false,"expiresOn":"2026-12-24","credentials":["aws"],"error":null},
         {"name":"laptop","tier":"laptop","available":true,"environment":"dev","deployOnPush":false,"schedule":false,"expiresOn":null,"credentials":["local-docker"],"error":null},
         {"name":"onprem-x","tier":"onprem3","available":true,"environment":"dev","deployOnPush":false,"schedule":true,"expiresOn":null,"credentials":["ssh"],"error":null},
         {"name":"prod-eu","tier":"dc9","available":true,"environment":"production","deployOnPush":false,"schedule":true,"expiresOn":null,"credentials":["aws"],"error":null}]
        """;

    public ScheduleWorkflowTests()
    {
        sandbox.WithFile("stacks.fixture.json", Stacks).Stub("infra", """
            echo "$*" >> infra.calls
            case "$*" in
              "stacks --format json") cat stacks.fixture.json ;;
              "schedule --stack dev-a") echo "dev-a: up: should be up: weekday spin-up; it is down" >&2; echo up ;;
              "schedule --stack dev-c") echo "infra schedule: stack 'dev-c': pulumi could not list the stacks (exit code 255)" >&2; exit 1 ;;
              "schedule --stack dev-d") echo "dev-d: nothing: should be down: expired; it is down (no resources)" >&2; echo nothing ;;
              "schedule --stack onprem-x") echo "onprem-x: destroy: weekend" >&2; echo destroy ;;
              "schedule --stack dev-a --now destroy") echo "dev-a: destroy: requested manually" >&2; echo destroy ;;
              *) echo "unexpected infra call: $*" >&2; exit 99 ;;
            esac
            """);
    }

    private StepResult Plan(Dictionary<string, string> values) => sandbox.Run(Workflow.Step("plan", "plan"), values);

    private string Calls => File.Exists(Path.Combine(sandbox.WorkDir, "infra.calls")) ? File.ReadAllText(Path.Combine(sandbox.WorkDir, "infra.calls")) : "";

    [Fact]
    public void A_bad_stack_is_reported_and_skipped_and_the_others_still_act()
    {
        var result = Plan(new() { ["REQUESTED"] = "reconcile" });

        Assert.True(result.ExitCode == 0, result.Log);
        Assert.Equal("""[{"stack":"dev-a","action":"up","runner":"ubuntu-latest"}]""", result.Outputs["actions"]);
        Assert.Equal("2", result.Outputs["errors"]);
        Assert.Contains("::error title=schedule: dev-b::infra:schedule.timeZone: 'Mars/Base' is not a known IANA time zone id", result.Stdout);
        Assert.Contains("::error title=schedule: dev-c::infra schedule: stack 'dev-c': pulumi could not list the stacks", result.Stdout);
        Assert.Contains("| `dev-a` | up | dev-a: up: should be up: weekday spin-up; it is down |", result.Summary);
        Assert.Contains("| `dev-d` | nothing | dev-d: nothing: should be down: expired", result.Summary);
        Assert.Contains("| `dev-b` | skipped (error) |", result.Summary);
    }

    [Fact]
    public void Production_is_never_asked_about_or_acted_on_and_unscheduled_stacks_are_not_listed()
    {
        var result = Plan(new() { ["REQUESTED"] = "reconcile" });
        Assert.DoesNotContain("prod-eu", Calls);
        Assert.DoesNotContain("laptop", Calls);
        Assert.Contains("| `prod-eu` | nothing | production stacks are never scheduled |", result.Summary);
        Assert.DoesNotContain("prod-eu", result.Outputs["actions"]);
    }

    [Fact]
    public void An_ssh_stack_is_skipped_with_a_note_without_a_self_hosted_runner_and_runs_there_with_one()
    {
        var without = Plan(new() { ["REQUESTED"] = "reconcile" });
        Assert.Contains("::notice title=schedule: onprem-x::onprem-x needs SSH to its hosts; set the repository variable ONPREM3_RUNNER", without.Stdout);
        Assert.DoesNotContain("onprem-x", without.Outputs["actions"]);

        var with = Plan(new() { ["REQUESTED"] = "reconcile", ["ONPREM3_RUNNER"] = "onprem3-runner" });
        Assert.Contains("""{"stack":"onprem-x","action":"destroy","runner":"onprem3-runner"}""", with.Outputs["actions"]);
    }

    [Theory]
    [InlineData("", "", "A manual destroy needs the stack input: name the one stack to act on.")]
    [InlineData("dev-a", "", "Destroy not confirmed: type the stack name 'dev-a' again in the confirm input.")]
    [InlineData("dev-a", "dev-b", "Destroy not confirmed")]
    [InlineData("dev-zz", "dev-zz", "There is no stack file Pulumi.dev-zz.yaml")]
    public void A_manual_destroy_names_one_existing_stack_and_confirms_it(string stack, string confirm, string expected)
    {
        var result = Plan(new() { ["REQUESTED"] = "destroy", ["ONLY_STACK"] = stack, ["CONFIRM"] = confirm });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("::error::" + expected, result.Stdout);
        Assert.False(result.Outputs.ContainsKey("actions"));
        Assert.DoesNotContain("schedule", Calls);
    }

    [Fact]
    public void A_confirmed_manual_destroy_acts_on_that_one_stack_only()
    {
        var result = Plan(new() { ["REQUESTED"] = "destroy", ["ONLY_STACK"] = "dev-a", ["CONFIRM"] = "dev-a" });
        Assert.True(result.ExitCode == 0, result.Log);
        Assert.Equal("""[{"stack":"dev-a","action":"destroy","runner":"ubuntu-latest"}]""", result.Outputs["actions"]);
        Assert.Equal("stacks --format json\nschedule --stack dev-a --now destroy\n", Calls);
    }

    [Theory]
    [InlineData("0", "success", "success", 0)]
    [InlineData("0", "success", "skipped", 0)]
    [InlineData("2", "success", "success", 1)]
    [InlineData("0", "success", "failure", 1)]
    [InlineData("0", "failure", "skipped", 1)]
    public void The_run_fails_at_the_end_when_a_stack_was_skipped_or_failed(string errors, string plan, string apply, int expected)
    {
        var step = Workflow.Steps("report").Single(s => s.Run is not null);
        var result = sandbox.Run(step, new() { ["ERRORS"] = errors, ["PLAN"] = plan, ["APPLY"] = apply });
        Assert.Equal(expected, result.ExitCode);
    }

    public void Dispose() => sandbox.Dispose();
}

using System.CommandLine;
using Infra.Cli.Commands;
using Infra.Operations.Deploy;

namespace Infra.Tests.Operations;

/// <summary><c>infra schedule</c> against a scripted Pulumi: actual state and holds read from the backend, holds written as tags.</summary>
public sealed class ScheduleCommandTests : IDisposable
{
    private readonly string project = Directory.CreateTempSubdirectory("infra-schedule-test-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private static readonly DateTimeOffset Saturday = new(2026, 3, 7, 10, 0, 0, TimeSpan.Zero);

    public ScheduleCommandTests()
    {
        File.WriteAllText(Path.Combine(project, "Pulumi.yaml"), "name: infra\nruntime: yaml\n");
        File.WriteAllText(Path.Combine(project, "Pulumi.dev-eu.yaml"),
            "config:\n  infra:tier: dc9\n  infra:schedule:\n    timeZone: Europe/Berlin\n    weekdayUp: \"07:00\"\n    weekendDown: \"Fri 20:00\"\n");
        File.WriteAllText(Path.Combine(project, "Pulumi.prod-eu.yaml"),
            "config:\n  infra:environment: production\n  infra:schedule:\n    timeZone: Europe/Berlin\n    weekdayUp: \"07:00\"\n");
    }

    public void Dispose() => Directory.Delete(project, recursive: true);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A Pulumi that lists dev-eu with <paramref name="resources"/> and answers its tags.</summary>
    private static RecordingProcessRunner Pulumi(int resources, string tags = "{}", int tagExit = 0) => new(spec => string.Join(' ', spec.Arguments) switch
    {
        "stack ls --json --non-interactive" => new ProcessResult(0, $$"""[{"name":"acme/infra/dev-eu","resourceCount":{{resources}}},{"name":"acme/infra/dc9","resourceCount":3}]""", ""),
        "stack tag ls --stack dev-eu --json --non-interactive" => new ProcessResult(0, tags, ""),
        var other when other.StartsWith("stack tag", StringComparison.Ordinal) => new ProcessResult(tagExit, "", tagExit == 0 ? "" : "error: [403] Forbidden"),
        var other => throw new InvalidOperationException("unexpected pulumi call: " + other),
    });

    private async Task<int> Run(IProcessRunner runner, DateTimeOffset now, params string[] args) =>
        await new RootCommand("infra") { ScheduleCommand.Create(new FixedClock(now), runner) }
            .Parse([.. args, "--project-dir", project]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

    [Theory]
    [InlineData(14, "destroy", "should be down: weekend teardown Fri 20:00 Europe/Berlin")]
    [InlineData(0, "nothing", "it is down (no resources)")]
    public async Task The_action_compares_the_desired_state_with_the_resources_Pulumi_holds(int resources, string expected, string reason)
    {
        var runner = Pulumi(resources);
        Assert.Equal(0, await Run(runner, Saturday, "schedule", "--stack", "dev-eu"));
        Assert.Equal(expected, output.ToString().Trim());
        Assert.Contains(reason, error.ToString());
        Assert.Equal(["pulumi stack ls --json --non-interactive", "pulumi stack tag ls --stack dev-eu --json --non-interactive"], runner.CommandLines);
    }

    [Fact]
    public async Task A_hold_recorded_as_a_stack_tag_keeps_the_stack_up_and_is_named()
    {
        var runner = Pulumi(14, """{"infra:holdUntil":"2026-03-08T18:00:00Z","infra:holdReason":"demo for ACME","pulumi:project":"infra"}""");
        Assert.Equal(0, await Run(runner, Saturday, "schedule", "--stack", "dev-eu"));
        Assert.Equal("nothing", output.ToString().Trim());
        Assert.Contains("dev-eu: nothing: should be up: held up until 2026-03-08T18:00:00Z (demo for ACME); it is up (has resources)", error.ToString());
    }

    [Fact]
    public async Task A_stack_missing_from_the_backend_is_down_and_its_tags_are_not_read()
    {
        var runner = new RecordingProcessRunner(_ => new ProcessResult(0, "[]", ""));
        Assert.Equal(0, await Run(runner, new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.Zero), "schedule", "--stack", "dev-eu"));
        Assert.Equal("up", output.ToString().Trim());
        Assert.Single(runner.Calls);
    }

    [Fact]
    public async Task A_Pulumi_failure_is_an_error_for_that_stack_never_a_guess()
    {
        var runner = new RecordingProcessRunner(_ => new ProcessResult(255, "", "error: [401] Unauthorized"));
        Assert.Equal(1, await Run(runner, Saturday, "schedule", "--stack", "dev-eu"));
        Assert.Equal("", output.ToString());
        Assert.Contains("infra schedule: stack 'dev-eu': pulumi could not list the stacks (exit code 255): error: [401] Unauthorized", error.ToString());
    }

    [Fact]
    public async Task Production_is_decided_from_the_stack_file_without_asking_Pulumi()
    {
        var runner = Pulumi(14);
        Assert.Equal(0, await Run(runner, Saturday, "schedule", "--stack", "prod-eu"));
        Assert.Equal("nothing", output.ToString().Trim());
        Assert.Empty(runner.Calls);
    }

    [Fact]
    public async Task Desired_prints_the_state_deploy_on_push_checks()
    {
        Assert.Equal(0, await Run(Pulumi(0), Saturday, "schedule", "--stack", "dev-eu", "--desired"));
        Assert.Equal(0, await Run(Pulumi(0), Saturday, "schedule", "--stack", "dev-eu", "--desired", "--hold-until", "2026-03-07T12:00:00Z"));
        Assert.Equal(0, await Run(Pulumi(0), Saturday, "schedule", "--stack", "prod-eu", "--desired"));
        Assert.Equal(["down", "up", "unmanaged"], output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Hold_writes_the_end_and_reason_as_stack_tags()
    {
        var runner = Pulumi(14);
        Assert.Equal(0, await Run(runner, Saturday, "schedule", "hold", "dev-eu", "--until", "2026-03-09T08:00:00+01:00", "--reason", "demo"));
        Assert.Equal(
        [
            "pulumi stack tag set infra:holdUntil 2026-03-09T07:00:00Z --stack dev-eu --non-interactive",
            "pulumi stack tag set infra:holdReason demo --stack dev-eu --non-interactive",
        ], runner.CommandLines);
        Assert.Contains("dev-eu: held up until 2026-03-09T07:00:00Z (demo)", output.ToString());
    }

    [Theory]
    [InlineData("2026-03-07T09:00:00Z", "is not in the future")]
    [InlineData("2026-03-30T10:00:00Z", "is more than 14 days ahead")]
    [InlineData("tomorrow", "is not an ISO-8601 time")]
    public async Task A_hold_always_ends_and_not_too_late(string until, string expected)
    {
        var runner = Pulumi(14);
        Assert.Equal(2, await Run(runner, Saturday, "schedule", "hold", "dev-eu", "--until", until));
        Assert.Contains(expected, error.ToString());
        Assert.Empty(runner.Calls);
    }

    [Fact]
    public async Task A_hold_needs_its_end_and_production_cannot_be_held()
    {
        var parsed = new RootCommand("infra") { ScheduleCommand.Create(new FixedClock(Saturday), Pulumi(0)) }
            .Parse(["schedule", "hold", "dev-eu", "--project-dir", project]);
        Assert.Contains(parsed.Errors, e => e.Message.Contains("--until", StringComparison.Ordinal));  // infra exits 2 on parse errors
        var runner = Pulumi(14);
        Assert.Equal(1, await Run(runner, Saturday, "schedule", "hold", "prod-eu", "--until", "2026-03-08T10:00:00Z"));
        Assert.Contains("'prod-eu' is a production stack, which the schedule never touches", error.ToString());
        Assert.Empty(runner.Calls);
    }

    [Fact]
    public async Task Release_removes_the_hold_tags()
    {
        var runner = Pulumi(14);
        Assert.Equal(0, await Run(runner, Saturday, "schedule", "release", "dev-eu"));
        Assert.Equal(
        [
            "pulumi stack tag rm infra:holdUntil --stack dev-eu --non-interactive",
            "pulumi stack tag rm infra:holdReason --stack dev-eu --non-interactive",
        ], runner.CommandLines);
    }

    [Fact]
    public async Task A_hold_tag_that_is_not_a_time_is_an_error_naming_the_fix()
    {
        Assert.Equal(1, await Run(Pulumi(14, """{"infra:holdUntil":"friday"}"""), Saturday, "schedule", "--stack", "dev-eu"));
        Assert.Contains("stack tag infra:holdUntil = 'friday' is not an ISO-8601 time", error.ToString());
    }

    [Fact]
    public async Task An_expiry_in_the_stack_file_is_acted_on()
    {
        File.AppendAllText(Path.Combine(project, "Pulumi.dev-eu.yaml"), "  infra:expiresOn: \"2026-03-04\"\n");
        Assert.Equal(0, await Run(Pulumi(14), new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), "schedule", "--stack", "dev-eu"));
        Assert.Equal("destroy", output.ToString().Trim());
        Assert.Contains("expired: infra:expiresOn is 2026-03-04", error.ToString());
    }

    [Fact]
    public async Task The_spin_up_estimate_starts_the_spin_up_early_unless_a_lead_time_is_given()
    {
        // Monday 2026-03-09 07:00 Berlin is 06:00 UTC; at 05:45 UTC only a lead of 15 minutes or more starts it.
        var quarterToSeven = new DateTimeOffset(2026, 3, 9, 5, 45, 0, TimeSpan.Zero);
        var asked = new List<string>();
        var command = ScheduleCommand.Create(new FixedClock(quarterToSeven), Pulumi(0), (_, stack) => { asked.Add(stack); return TimeSpan.FromMinutes(20); });
        async Task<string> Run(params string[] args)
        {
            var text = new StringWriter();
            Assert.Equal(0, await new RootCommand("infra") { command }.Parse(["schedule", .. args, "--project-dir", project])
                .InvokeAsync(new InvocationConfiguration { Output = text, Error = error }));
            return text.ToString().Trim();
        }

        Assert.Equal("up", await Run("--stack", "dev-eu"));
        Assert.Equal(["dev-eu"], asked);
        Assert.Contains("started 20 min early to be ready then", error.ToString());
        Assert.Equal("nothing", await Run("--stack", "dev-eu", "--lead-minutes", "0"));
        Assert.Equal(["dev-eu"], asked);  // an explicit lead time is not estimated
    }
}

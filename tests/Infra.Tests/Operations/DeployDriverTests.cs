using Infra.Operations.Deploy;
using Infra.Operations.Schedule;
using Infra.Platform.Configuration;

namespace Infra.Tests.Operations;

public sealed class DeployDriverTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string?> CleanEnvironment = new Dictionary<string, string?>();

    private readonly string project = Directory.CreateTempSubdirectory("infra-deploy-test-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public void Dispose() => Directory.Delete(project, recursive: true);

    private DeployRequest Request(DeployOperation operation, string stack = "dc9", DeploymentEnvironment environment = DeploymentEnvironment.Dev) =>
        new(operation, stack, project, stack, environment);

    private DeployDriver Driver(IProcessRunner runner, IReadOnlyDictionary<string, string?>? environment = null) =>
        new(runner, output, error, environment ?? CleanEnvironment);

    private static string EventLogOf(ProcessSpec spec) => spec.Arguments[spec.Arguments.ToList().IndexOf("--event-log") + 1];

    [Fact]
    public async Task Up_selects_the_stack_then_runs_up_non_interactively_with_an_event_log()
    {
        var runner = new RecordingProcessRunner(eventStreamFile: RecordingProcessRunner.TestData("up-laptop-success.events.jsonl"));
        var result = await Driver(runner).RunAsync(Request(DeployOperation.Up) with { ConfigDefaults = new Dictionary<string, string> { ["infra:tier"] = "dc9" } });

        Assert.Equal(0, result.ExitCode);
        var eventLog = EventLogOf(runner.Calls[2]);
        Assert.Equal(
        [
            "pulumi stack select --create dc9 --non-interactive",
            "pulumi config set infra:tier dc9 --stack dc9 --non-interactive",
            $"pulumi up --stack dc9 --yes --skip-preview --non-interactive --event-log {eventLog}",
        ], runner.CommandLines);
        Assert.All(runner.Calls, call => Assert.Equal(project, call.WorkingDirectory));
        Assert.All(runner.Calls, call => Assert.Equal("true", call.Environment["PULUMI_SKIP_UPDATE_CHECK"]));
        Assert.All(runner.Calls, call => Assert.False(call.Environment.ContainsKey("PULUMI_BACKEND_URL")));  // dc9: the user's backend
        Assert.False(File.Exists(eventLog), "the temporary event log is removed");
    }

    [Theory]
    [InlineData(DeployOperation.Preview, "pulumi preview --stack dc9 --non-interactive --event-log")]
    [InlineData(DeployOperation.Destroy, "pulumi destroy --stack dc9 --yes --skip-preview --non-interactive --event-log")]
    [InlineData(DeployOperation.Refresh, "pulumi refresh --stack dc9 --yes --skip-preview --non-interactive --event-log")]
    public async Task Each_operation_has_the_automation_api_flags(DeployOperation operation, string expected)
    {
        var runner = new RecordingProcessRunner();
        await Driver(runner).RunAsync(Request(operation));
        Assert.StartsWith(expected + " ", runner.CommandLines.Last());
    }

    [Fact]
    public async Task Preview_with_diff_asks_pulumi_for_the_detailed_diff_and_shows_its_output()
    {
        var runner = new RecordingProcessRunner(spec => new ProcessResult(0, spec.Arguments[0] == "preview" ? "  ~ instanceType: \"t3.small\" => \"t3.large\"\n" : "", ""));
        await Driver(runner).RunAsync(Request(DeployOperation.Preview) with { ShowDiff = true });
        Assert.Contains("--diff", runner.Calls.Last().Arguments);
        Assert.Contains("instanceType: \"t3.small\" => \"t3.large\"", output.ToString());
    }

    [Fact]
    public async Task Laptop_uses_a_local_file_backend_in_the_project_unless_the_user_has_one()
    {
        var runner = new RecordingProcessRunner();
        await Driver(runner).RunAsync(Request(DeployOperation.Up, "laptop"));
        Assert.All(runner.Calls, call => Assert.Equal("file://" + Path.Combine(project, ".pulumi"), call.Environment["PULUMI_BACKEND_URL"]));
        Assert.True(Directory.Exists(Path.Combine(project, ".pulumi")));
        Assert.Contains("Using the local state backend file://", output.ToString());

        // When creating the stack fails without a passphrase, the note says what is missing.
        var noPassphrase = new RecordingProcessRunner(_ => new ProcessResult(255, "", "error: passphrase must be set\n"));
        await Driver(noPassphrase).RunAsync(Request(DeployOperation.Up, "laptop"));
        Assert.Contains("set PULUMI_CONFIG_PASSPHRASE", error.ToString());

        var own = new RecordingProcessRunner();
        await Driver(own, new Dictionary<string, string?> { ["PULUMI_BACKEND_URL"] = "s3://team-state", ["PULUMI_CONFIG_PASSPHRASE"] = "x" })
            .RunAsync(Request(DeployOperation.Up, "laptop"));
        Assert.All(own.Calls, call => Assert.False(call.Environment.ContainsKey("PULUMI_BACKEND_URL")));
    }

    [Fact]
    public async Task The_event_stream_becomes_progress_lines()
    {
        var runner = new RecordingProcessRunner(eventStreamFile: RecordingProcessRunner.TestData("up-laptop-success.events.jsonl"));
        var result = await Driver(runner).RunAsync(Request(DeployOperation.Up, "laptop") with { ExpectedResources = 4 });

        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("pulumi up: started", lines);
        Assert.Contains("[1/4] creating docker:index/network:Network platform-net", lines);
        Assert.Contains("[2/4] created docker:index/network:Network platform-net", lines);
        Assert.Contains("warning: server-0: image platform:1.4.2 has no digest pin", lines);
        Assert.Contains("[4/4] created pulumi:pulumi:Stack infra-laptop", lines);
        Assert.Contains("up finished in 10s: 4 created", lines);
        Assert.Equal(4, result.Summary!.ResourceChanges["create"]);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public async Task A_failed_update_reports_the_failed_step_and_error_and_passes_the_exit_code_through()
    {
        var runner = new RecordingProcessRunner(
            spec => spec.Arguments[0] == "up" ? new ProcessResult(255, "", "error: update failed\n") : new ProcessResult(0, "", ""),
            RecordingProcessRunner.TestData("up-dc9-failure.events.jsonl"));
        var result = await Driver(runner).RunAsync(Request(DeployOperation.Up));

        Assert.Equal(255, result.ExitCode);
        Assert.Equal(["creating aws:ec2/instance:Instance server-8"], result.Failures);
        Assert.Contains("server-8: creating EC2 Instance: operation error EC2: RunInstances, InsufficientInstanceCapacity: not enough m7g.large capacity in eu-central-1c", result.Errors);
        var text = output.ToString();
        Assert.Contains("[1/3] updating aws:ec2/instance:Instance server-0", text);
        Assert.Contains("FAILED creating aws:ec2/instance:Instance server-8", text);
        Assert.Contains("up finished in 32s: 1 updated, 2 unchanged", text);
        Assert.Contains("pulumi up on stack 'dc9' failed with exit code 255; failed: creating aws:ec2/instance:Instance server-8", error.ToString());
    }

    [Fact]
    public async Task Preview_lists_planned_steps_and_policy_findings()
    {
        var runner = new RecordingProcessRunner(eventStreamFile: RecordingProcessRunner.TestData("preview-dc9.events.jsonl"));
        await Driver(runner).RunAsync(Request(DeployOperation.Preview));
        var text = output.ToString();
        Assert.Contains("  plan: update   aws:ec2/instance:Instance server-0 (instanceType, tags)", text);
        Assert.Contains("  plan: delete   aws:ec2/eip:Eip legacy-ip", text);
        Assert.Contains("policy advisory: no-public-instances: server-9: instances must not have a public IP", text);
        Assert.Contains("preview finished in 4s: 1 to create, 1 to update, 1 to delete, 1 unchanged", text);
    }

    [Fact]
    public async Task A_stack_that_cannot_be_selected_stops_before_the_operation()
    {
        var runner = new RecordingProcessRunner(_ => new ProcessResult(255, "", "error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions\n"));
        var result = await Driver(runner).RunAsync(Request(DeployOperation.Up));
        Assert.Equal(255, result.ExitCode);
        Assert.Single(runner.Calls);
        Assert.Contains("could not select or create stack 'dc9' (exit code 255): error: PULUMI_ACCESS_TOKEN must be set", error.ToString());
    }

    [Fact]
    public async Task Missing_pulumi_cli_says_how_to_install_it()
    {
        // The real process runner with an empty PATH: exactly what a machine without Pulumi sees.
        var runner = new PathOverridingRunner(new SystemProcessRunner(), project);
        var result = await Driver(runner).RunAsync(Request(DeployOperation.Up));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The Pulumi CLI ('pulumi') was not found on PATH", error.ToString());
        Assert.Contains("https://www.pulumi.com/docs/install/", error.ToString());
    }

    [Theory]
    [InlineData(false, null, "--force is missing")]
    [InlineData(true, null, "--confirm is missing")]
    [InlineData(true, "prod-eu2", "--confirm 'prod-eu2' does not match the stack name")]
    public async Task Destroy_of_production_is_refused_without_force_and_the_name_typed_again(bool force, string? confirm, string problem)
    {
        var runner = new RecordingProcessRunner();
        var result = await Driver(runner).RunAsync(Request(DeployOperation.Destroy, "prod-eu", DeploymentEnvironment.Production) with { Force = force, ConfirmStack = confirm });
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(runner.Calls);
        Assert.Contains($"Refusing to destroy production stack 'prod-eu' ({problem})", error.ToString());
        Assert.Contains("infra destroy prod-eu --force --confirm prod-eu", error.ToString());
    }

    [Fact]
    public async Task Destroy_of_production_proceeds_with_force_and_confirmation()
    {
        var runner = new RecordingProcessRunner();
        var result = await Driver(runner).RunAsync(Request(DeployOperation.Destroy, "prod-eu", DeploymentEnvironment.Production) with { Force = true, ConfirmStack = "prod-eu" });
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("pulumi destroy --stack prod-eu --yes", runner.CommandLines.Last());
    }

    /// <summary>Runs the real runner with PATH pointing at an empty folder.</summary>
    private sealed class PathOverridingRunner(IProcessRunner inner, string emptyFolder) : IProcessRunner
    {
        public Task<ProcessResult> RunAsync(ProcessSpec spec, Action<string>? onOutputLine = null, Action<string>? onErrorLine = null, CancellationToken cancellationToken = default) =>
            inner.RunAsync(spec with { Environment = new Dictionary<string, string>(spec.Environment) { ["PATH"] = emptyFolder } }, onOutputLine, onErrorLine, cancellationToken);
    }

    [Theory]
    [InlineData(DeployOperation.Preview)]
    [InlineData(DeployOperation.Destroy)]
    [InlineData(DeployOperation.Refresh)]
    public async Task Only_up_may_create_a_stack_in_the_backend(DeployOperation operation)
    {
        var runner = new RecordingProcessRunner(spec => spec.Arguments[0] == "stack"
            ? new ProcessResult(255, "", "error: no stack named 'dc9' found\n")
            : throw new InvalidOperationException("the operation must not run"));
        var result = await Driver(runner).RunAsync(Request(operation));

        Assert.Equal(["pulumi stack select dc9 --non-interactive"], runner.CommandLines);
        Assert.Equal(255, result.ExitCode);
        Assert.Contains($"could not select stack 'dc9' ({operation.Verb()} never creates a stack; `infra up dc9` does)", error.ToString());
    }

    private const string LockError = "error: [409] Conflict: Another update is currently in progress.\n";

    [Fact]
    public async Task An_operation_blocked_by_another_update_is_retried_with_back_off_until_the_lock_is_free()
    {
        var attempts = 0;
        var runner = new RecordingProcessRunner(spec => spec.Arguments[0] == "destroy"
            ? ++attempts < 3 ? new ProcessResult(255, "", LockError) : new ProcessResult(0, "", "")
            : new ProcessResult(0, "", ""));
        var waits = new List<TimeSpan>();
        var driver = new DeployDriver(runner, output, error, CleanEnvironment, (pause, _) => { waits.Add(pause); return Task.CompletedTask; });

        var result = await driver.RunAsync(Request(DeployOperation.Destroy));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, attempts);
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], waits);
        Assert.Contains("stack 'dc9' is locked by another update; retry 1 of 4 in 30s", error.ToString());
    }

    [Fact]
    public async Task Lock_retries_are_bounded_and_the_last_failure_stands()
    {
        var runner = new RecordingProcessRunner(spec => spec.Arguments[0] == "up" ? new ProcessResult(255, "", LockError) : new ProcessResult(0, "", ""));
        var waits = new List<TimeSpan>();
        var driver = new DeployDriver(runner, output, error, CleanEnvironment, (pause, _) => { waits.Add(pause); return Task.CompletedTask; });

        var result = await driver.RunAsync(Request(DeployOperation.Up));

        Assert.Equal(255, result.ExitCode);
        Assert.Equal(5, runner.CommandLines.Count(line => line.StartsWith("pulumi up ", StringComparison.Ordinal)));
        Assert.Equal(LockRetry.Delays, waits);
        Assert.True(waits.Aggregate(TimeSpan.Zero, (a, b) => a + b) <= TimeSpan.FromMinutes(8));
    }

    [Fact]
    public async Task Other_failures_are_not_retried()
    {
        var runner = new RecordingProcessRunner(spec => spec.Arguments[0] == "up" ? new ProcessResult(255, "", "error: update failed: 409 instances\n") : new ProcessResult(0, "", ""));
        var driver = new DeployDriver(runner, output, error, CleanEnvironment, (_, _) => throw new InvalidOperationException("no wait expected"));
        Assert.Equal(255, (await driver.RunAsync(Request(DeployOperation.Up))).ExitCode);
        Assert.Single(runner.CommandLines, line => line.StartsWith("pulumi up ", StringComparison.Ordinal));
    }
}

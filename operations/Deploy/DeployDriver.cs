namespace Infra.Operations.Deploy;

/// <summary>
/// Runs a Pulumi operation the way the Automation API does: select (or create) the stack, set config
/// defaults, then run the operation non-interactively with a JSON event log that becomes progress lines.
/// Pulumi's exit code is passed through.
/// </summary>
/// <param name="delay">Waits between lock retries (injected so tests do not sleep).</param>
public sealed class DeployDriver(
    IProcessRunner runner,
    TextWriter output,
    TextWriter error,
    IReadOnlyDictionary<string, string?>? callerEnvironment = null,
    Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    /// <summary>Exit code for a problem the user can fix (missing CLI, refused destroy).</summary>
    public const int UserError = 1;

    private readonly Func<TimeSpan, CancellationToken, Task> wait = delay ?? Task.Delay;

    private readonly IReadOnlyDictionary<string, string?> environment = callerEnvironment ?? PulumiEnvironment.Current();

    public async Task<DeployResult> RunAsync(DeployRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Operation == DeployOperation.Destroy
            && DestroyGuard.Check(request.Stack, request.Environment, request.Force, request.ConfirmStack) is { } refusal)
        {
            error.WriteLine(refusal);
            return new DeployResult(UserError, null, [], [refusal]);
        }

        var added = PulumiEnvironment.For(request, environment);
        var localBackend = added.GetValueOrDefault(PulumiEnvironment.BackendVariable);
        if (localBackend is not null) Directory.CreateDirectory(Path.Combine(request.ProjectRoot, ".pulumi"));

        try
        {
            var selected = await Pulumi(request, added, PulumiCommandLines.Select(request.Operation, request.Stack), cancellationToken);
            if (localBackend is not null) ExplainLocalBackend(localBackend, selected.ExitCode != 0);
            if (selected.ExitCode != 0)
            {
                return request.Operation == DeployOperation.Up
                    ? Failed(selected, $"could not select or create stack '{request.Stack}'")
                    : Failed(selected, $"could not select stack '{request.Stack}' ({request.Operation.Verb()} never creates a stack; `infra up {request.Stack}` does)");
            }
            foreach (var (key, value) in request.ConfigDefaults ?? new Dictionary<string, string>())
            {
                var set = await Pulumi(request, added, PulumiCommandLines.SetConfig(request.Stack, key, value), cancellationToken);
                if (set.ExitCode != 0) return Failed(set, $"could not set config default {key} on stack '{request.Stack}'");
            }
            return await RunWithLockRetryAsync(request, added, cancellationToken);
        }
        catch (ExecutableNotFoundException)
        {
            error.WriteLine(PulumiCommandLines.InstallHint);
            return new DeployResult(UserError, null, [], [PulumiCommandLines.InstallHint]);
        }
    }

    /// <summary>
    /// Another update holding the stack's lock (Pulumi's "409 ... another update is currently in progress") is
    /// waited out with back-off, a bounded number of times; any other failure is returned at once.
    /// </summary>
    private async Task<DeployResult> RunWithLockRetryAsync(DeployRequest request, Dictionary<string, string> added, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (result, locked) = await RunOperationAsync(request, added, cancellationToken);
            if (!locked || attempt >= LockRetry.Delays.Count) return result;
            var pause = LockRetry.Delays[attempt];
            error.WriteLine($"stack '{request.Stack}' is locked by another update; retry {attempt + 1} of {LockRetry.Delays.Count} in {pause.TotalSeconds:0}s");
            await wait(pause, cancellationToken);
        }
    }

    private async Task<(DeployResult Result, bool Locked)> RunOperationAsync(DeployRequest request, Dictionary<string, string> added, CancellationToken cancellationToken)
    {
        var locked = false;
        var eventLog = Path.Combine(Path.GetTempPath(), $"infra-{request.Stack}-{Guid.NewGuid():N}.events.jsonl");
        var progress = new ProgressReporter(output, request.Operation, request.ExpectedResources);
        var tail = new EventLogTail(eventLog, progress.Handle, bad => error.WriteLine($"warning: skipped an unreadable engine event: {bad}"));
        using var stopTail = new CancellationTokenSource();
        var following = tail.FollowAsync(stopTail.Token);

        ProcessResult result;
        try
        {
            var forwardOutput = request.ShowPulumiOutput || request.ShowDiff;
            result = await runner.RunAsync(
                Spec(request, added, PulumiCommandLines.Operation(request, eventLog)),
                forwardOutput ? line => output.WriteLine(line) : null,
                line =>
                {
                    locked |= LockRetry.IsLockConflict(line);
                    error.WriteLine(line);
                },
                cancellationToken);
        }
        finally
        {
            await stopTail.CancelAsync();
            await following;
            File.Delete(eventLog);
        }

        if (result.ExitCode != 0)
        {
            var failed = progress.Failures.Count == 0 ? "" : $"; failed: {string.Join("; ", progress.Failures)}";
            error.WriteLine($"pulumi {request.Operation.Verb()} on stack '{request.Stack}' failed with exit code {result.ExitCode}{failed}");
        }
        locked |= result.ExitCode != 0 && LockRetry.IsLockConflict(result.StandardError);
        return (new DeployResult(result.ExitCode, progress.Summary, progress.Failures, progress.Errors), result.ExitCode != 0 && locked);
    }

    private void ExplainLocalBackend(string backend, bool selectFailed)
    {
        output.WriteLine($"Using the local state backend {backend} (set {PulumiEnvironment.BackendVariable} to use another).");
        if (selectFailed && !environment.ContainsKey("PULUMI_CONFIG_PASSPHRASE") && !environment.ContainsKey("PULUMI_CONFIG_PASSPHRASE_FILE"))
        {
            // The usual reason a first non-interactive run on a laptop fails.
            error.WriteLine("note: the local backend encrypts stack secrets with a passphrase; set PULUMI_CONFIG_PASSPHRASE " +
                            "or PULUMI_CONFIG_PASSPHRASE_FILE, or Pulumi cannot create the stack non-interactively.");
        }
    }

    private Task<ProcessResult> Pulumi(DeployRequest request, Dictionary<string, string> added, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        runner.RunAsync(Spec(request, added, arguments), null, null, cancellationToken);

    private static ProcessSpec Spec(DeployRequest request, Dictionary<string, string> added, IReadOnlyList<string> arguments) =>
        new(PulumiCommandLines.Executable, arguments, request.ProjectRoot, added);

    private DeployResult Failed(ProcessResult result, string what)
    {
        var detail = result.StandardError.Trim().Length > 0 ? result.StandardError.Trim() : result.StandardOutput.Trim();
        var message = $"pulumi: {what} (exit code {result.ExitCode}): {detail}";
        error.WriteLine(message);
        return new DeployResult(result.ExitCode, null, [], [message]);
    }
}

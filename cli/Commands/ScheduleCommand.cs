using System.CommandLine;
using System.Globalization;
using Infra.Operations;
using Infra.Operations.Deploy;
using Infra.Operations.Graph;
using Infra.Operations.Schedule;
using Infra.Operations.Spinup;
using Infra.Platform.Configuration;
using Infra.Policies;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra schedule --stack STACK</c>: compares the schedule's desired state with the stack's actual state
/// and prints the action that reconciles them (up, destroy or nothing); <c>hold</c> and <c>release</c> manage holds.
/// </summary>
public static class ScheduleCommand
{
    /// <param name="estimateLead">
    /// The spin-up lead time of a stack (project root, stack), when no --lead-minutes is given and the schedule
    /// has a weekday spin-up to be early for: <see cref="SpinupLead.Estimator"/> in the tool. A failure is a
    /// warning and the lead falls back to <see cref="SpinupEstimator.FallbackLeadMinutes"/>: one stack's
    /// program never stops its schedule. Null: no lead time.
    /// </param>
    public static Command Create(TimeProvider? clock = null, IProcessRunner? runner = null, Func<string, string, TimeSpan>? estimateLead = null)
    {
        var stack = new Option<string?>("--stack")
        {
            Description = "The stack to ask about; its Pulumi.STACK.yaml holds infra:schedule, infra:expiresOn and infra:environment.",
            HelpName = "STACK",
        };
        var at = AtOption();
        var actual = new Option<string?>("--actual")
        {
            Description = "The stack's actual state, instead of asking Pulumi (`pulumi stack ls --json`: up when it has resources).",
            HelpName = "up|down",
        };
        actual.AcceptOnlyFromAmong("up", "down");
        var holdUntil = new Option<string?>("--hold-until")
        {
            Description = "A hold to assume (ISO-8601 end) instead of the stack's infra:holdUntil tag.",
            HelpName = "TIME",
        };
        var offline = new Option<bool>("--offline")
        {
            Description = "Do not ask Pulumi: no hold unless --hold-until; the actual state must come from --actual (except with --desired).",
        };
        var desired = new Option<bool>("--desired")
        {
            Description = "Print the desired state instead of an action: `up`, `down` or `unmanaged` (deploy on push uses it).",
        };
        var lead = new Option<int?>("--lead-minutes")
        {
            Description = "Start the weekday spin-up this many minutes before weekdayUp, so the stack is ready at that time " +
                          "(default: the stack's spin-up estimate where infra has one, else 0).",
        };
        var manual = new Option<string?>("--now")
        {
            Description = "A manual run: print this action (up or destroy) instead of the scheduled one; production and opted-out stacks still print `nothing`.",
            HelpName = "up|destroy",
        };
        manual.AcceptOnlyFromAmong("up", "destroy");
        var projectDir = CommonOptions.ProjectDir();

        var command = new Command("schedule",
            "Print what the hourly run should do with a dev stack now: `up`, `destroy` or `nothing`. The schedule " +
            "(infra:schedule: timeZone, weekdayUp, weekendDown, holidays, optOut; and infra:expiresOn) says whether the stack " +
            "should be up or down at any instant, in its own time zone and across daylight-saving changes; the action is what " +
            "brings the stack's actual state (read from Pulumi: does it have resources?) there, so a missed run is corrected by " +
            "the next. A hold (`infra schedule hold`) keeps it up until the hold ends. Production stacks (the rule synthesis " +
            "uses) always print `nothing`. The reason goes to stderr, the word alone to stdout. " + ExitCodes.Help)
        {
            stack, at, actual, holdUntil, offline, desired, lead, manual, projectDir,
        };
        command.Add(HoldCommand(clock, runner));
        command.Add(ReleaseCommand(runner));

        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(stack) is not { } name)
            {
                error.WriteLine("infra schedule: --stack STACK is required (or use `infra schedule hold|release STACK`).");
                return ExitCodes.Usage;
            }
            if (ParseInstant(parse.GetValue(at), error, "--at", clock) is not { } instant) return ExitCodes.Usage;
            ScheduleHold? assumedHold = null;
            if (parse.GetValue(holdUntil) is { } holdText)
            {
                if (ParseInstant(holdText, error, "--hold-until", clock) is not { } until) return ExitCodes.Usage;
                assumedHold = new ScheduleHold(until, "assumed with --hold-until");
            }
            var askPulumi = !parse.GetValue(offline);
            if (!askPulumi && parse.GetValue(actual) is null && !parse.GetValue(desired) && parse.GetValue(manual) is null)
            {
                error.WriteLine("infra schedule: --offline needs --actual up|down (the actual state otherwise comes from Pulumi).");
                return ExitCodes.Usage;
            }
            if (parse.GetValue(lead) is { } minutes && minutes is < 0 or > 24 * 60)
            {
                error.WriteLine($"infra schedule: --lead-minutes {minutes} is out of range; use 0 to 1440.");
                return ExitCodes.Usage;
            }

            try
            {
                if (OperationsContext.ProjectRoot(parse.GetValue(projectDir), error) is not { } root) return ExitCodes.InvalidInput;
                var config = LoadConfig(root, name);
                var leadTime = parse.GetValue(lead) is { } given ? TimeSpan.FromMinutes(given)
                    : parse.GetValue(manual) is null && NeedsLead(config) && estimateLead is not null ? Estimate(estimateLead, root, name, error)
                    : TimeSpan.Zero;
                var (policy, environment) = (new SchedulePolicy(config.Schedule, config.Environment, config.ExpiresOn, leadTime), config.Environment);
                // Production is decided from the stack file alone: no path asks Pulumi about it or acts on it.
                var production = environment == DeploymentEnvironment.Production;
                PulumiStackState.Snapshot? snapshot = null;
                if (askPulumi && !production && parse.GetValue(manual) is null && (parse.GetValue(actual) is null || assumedHold is null))
                {
                    snapshot = await new PulumiStackState(runner ?? new SystemProcessRunner(), root).ReadAsync(name, cancellationToken);
                }
                var hold = assumedHold ?? (snapshot is null ? null : ScheduleHold.FromTags(snapshot.Tags));
                if (parse.GetValue(desired))
                {
                    var wanted = policy.Desired(instant, hold);
                    parse.InvocationConfiguration.Output.WriteLine(wanted.State.ToString().ToLowerInvariant());
                    error.WriteLine($"{name}: {wanted.State.ToString().ToLowerInvariant()}: {wanted.Reason}");
                    DescribeLead(error, name, config, leadTime);
                    return ExitCodes.Success;
                }
                ScheduleDecision decision;
                if (parse.GetValue(manual) is { } requested)
                {
                    decision = policy.Manual(requested == "up" ? ScheduleAction.Up : ScheduleAction.Destroy);
                }
                else
                {
                    var state = parse.GetValue(actual) is { } stated
                        ? stated == "up" ? ActualState.Up : ActualState.Down
                        : snapshot?.State ?? ActualState.Down;
                    decision = policy.Reconcile(instant, state, hold);
                }
                parse.InvocationConfiguration.Output.WriteLine(decision.Action.ToCommandWord());
                error.WriteLine($"{name}: {decision.Action.ToCommandWord()}: {decision.Reason}");
                if (parse.GetValue(manual) is null) DescribeLead(error, name, config, leadTime);
                return ExitCodes.Success;
            }
            catch (ExecutableNotFoundException)
            {
                error.WriteLine($"infra schedule: stack '{name}': {PulumiCommandLines.InstallHint} (Or pass --actual up|down.)");
                return ExitCodes.InvalidInput;
            }
            catch (Exception failure) when (failure is ConfigException or InvalidDataException or StackStateException)
            {
                error.WriteLine($"infra schedule: stack '{name}': {failure.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    private static Command HoldCommand(TimeProvider? clock, IProcessRunner? runner)
    {
        var stack = new Argument<string>("stack") { Description = "The dev stack to keep up." };
        var until = new Option<string>("--until")
        {
            Description = $"When the hold ends, ISO-8601 with an offset (2026-12-04T18:00:00+01:00); at most {ScheduleHold.Longest.TotalDays:0} days ahead. Required: a hold always ends.",
            Required = true,
            HelpName = "TIME",
        };
        var reason = new Option<string?>("--reason") { Description = "Why, shown in the workflow summary (e.g. a ticket).", HelpName = "TEXT" };
        var projectDir = CommonOptions.ProjectDir();
        var command = new Command("hold",
            "Keep a dev stack up past its teardown until a given time: records the end as the stack's Pulumi tag " +
            $"{ScheduleHold.UntilTag} (and {ScheduleHold.ReasonTag}), which the hourly run reads and shows in its summary. " + ExitCodes.Help)
        {
            stack, until, reason, projectDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var name = parse.GetValue(stack)!;
            var now = (clock ?? TimeProvider.System).GetUtcNow();
            if (ParseInstant(parse.GetValue(until), error, "--until", clock) is not { } end) return ExitCodes.Usage;
            if (end <= now)
            {
                error.WriteLine($"infra schedule hold: --until {parse.GetValue(until)} is not in the future; give the time the hold should end.");
                return ExitCodes.Usage;
            }
            if (end - now > ScheduleHold.Longest)
            {
                error.WriteLine($"infra schedule hold: --until {parse.GetValue(until)} is more than {ScheduleHold.Longest.TotalDays:0} days ahead; " +
                                "hold for a shorter time and renew it if needed (or opt the stack out with infra:schedule.optOut: true).");
                return ExitCodes.Usage;
            }
            var text = parse.GetValue(reason)?.ReplaceLineEndings(" ").Trim();
            if (text is { Length: > 200 })
            {
                error.WriteLine("infra schedule hold: --reason is longer than 200 characters (a Pulumi tag value holds 256); shorten it, e.g. to a ticket id.");
                return ExitCodes.Usage;
            }
            try
            {
                if (OperationsContext.ProjectRoot(parse.GetValue(projectDir), error) is not { } root) return ExitCodes.InvalidInput;
                var (_, environment) = Load(root, name, TimeSpan.Zero);
                if (environment == DeploymentEnvironment.Production)
                {
                    error.WriteLine($"infra schedule hold: '{name}' is a production stack, which the schedule never touches; a hold would do nothing.");
                    return ExitCodes.InvalidInput;
                }
                var hold = new ScheduleHold(end, text);
                var state = new PulumiStackState(runner ?? new SystemProcessRunner(), root);
                await state.SetTagAsync(name, ScheduleHold.UntilTag, hold.UntilText, cancellationToken);
                if (!string.IsNullOrEmpty(text)) await state.SetTagAsync(name, ScheduleHold.ReasonTag, text, cancellationToken);
                else await TryRemove(state, name, ScheduleHold.ReasonTag, cancellationToken);
                parse.InvocationConfiguration.Output.WriteLine($"{name}: {hold.Describe()}; the hourly run keeps it up until then and acts on its schedule after.");
                return ExitCodes.Success;
            }
            catch (ExecutableNotFoundException)
            {
                error.WriteLine("infra schedule hold: " + PulumiCommandLines.InstallHint);
                return ExitCodes.InvalidInput;
            }
            catch (Exception failure) when (failure is ConfigException or InvalidDataException or StackStateException)
            {
                error.WriteLine($"infra schedule hold: stack '{name}': {failure.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    private static Command ReleaseCommand(IProcessRunner? runner)
    {
        var stack = new Argument<string>("stack") { Description = "The stack whose hold ends now." };
        var projectDir = CommonOptions.ProjectDir();
        var command = new Command("release", $"End a hold now: removes the stack's {ScheduleHold.UntilTag} and {ScheduleHold.ReasonTag} tags. " + ExitCodes.Help)
        {
            stack, projectDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var name = parse.GetValue(stack)!;
            try
            {
                if (OperationsContext.ProjectRoot(parse.GetValue(projectDir), error) is not { } root) return ExitCodes.InvalidInput;
                Load(root, name, TimeSpan.Zero);
                var state = new PulumiStackState(runner ?? new SystemProcessRunner(), root);
                await state.RemoveTagAsync(name, ScheduleHold.UntilTag, cancellationToken);
                await TryRemove(state, name, ScheduleHold.ReasonTag, cancellationToken);
                parse.InvocationConfiguration.Output.WriteLine($"{name}: hold released; the schedule decides from the next run.");
                return ExitCodes.Success;
            }
            catch (ExecutableNotFoundException)
            {
                error.WriteLine("infra schedule release: " + PulumiCommandLines.InstallHint);
                return ExitCodes.InvalidInput;
            }
            catch (Exception failure) when (failure is ConfigException or InvalidDataException or StackStateException)
            {
                error.WriteLine($"infra schedule release: stack '{name}': {failure.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    private static async Task TryRemove(PulumiStackState state, string stack, string tag, CancellationToken cancellationToken)
    {
        try
        {
            await state.RemoveTagAsync(stack, tag, cancellationToken);
        }
        catch (StackStateException)
        {
            // The reason tag is optional and may never have been set.
        }
    }

    /// <summary>The stack's policy and environment; a missing stack file or a bad schedule throws with the fix.</summary>
    private static (SchedulePolicy Policy, DeploymentEnvironment Environment) Load(string root, string name, TimeSpan leadTime)
    {
        var config = LoadConfig(root, name);
        return (new SchedulePolicy(config.Schedule, config.Environment, config.ExpiresOn, leadTime), config.Environment);
    }

    private static StackConfigFile LoadConfig(string root, string name)
    {
        var config = StackConfigFile.Load(root, name);
        // A misspelt stack would otherwise read as "no schedule" and print `nothing`, exit 0.
        if (!config.Exists)
            throw new InvalidDataException(
                $"{Path.GetFileName(config.Path)} does not exist in {root}, so there is no stack '{name}' to schedule; " +
                "name a stack that has a stack file (`ls Pulumi.*.yaml`).");
        return config;
    }

    /// <summary>Only a weekday spin-up can start early: production, opted-out stacks and expiry-only stacks are not synthesized for it.</summary>
    private static bool NeedsLead(StackConfigFile config) =>
        config.Environment != DeploymentEnvironment.Production && config.Schedule is { OptOut: false, WeekdayUp: not null };

    /// <summary>
    /// The stack's spin-up estimate; when its program cannot be synthesized or estimated, a warning and the
    /// fallback lead, so the schedule still acts (the error itself surfaces where the program is deployed).
    /// </summary>
    private static TimeSpan Estimate(Func<string, string, TimeSpan> estimateLead, string root, string name, TextWriter error)
    {
        try
        {
            return estimateLead(root, name);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            var why = OperationsContext.IsUserError(failure) || failure is ConfigException or PolicyViolationException or ProgramCycleException
                ? failure.Message
                : $"{failure.GetType().Name}: {failure.Message} (a bug in infra, please report it)";
            error.WriteLine($"warning: {name}: no spin-up estimate, so the weekday spin-up starts {SpinupEstimator.FallbackLeadMinutes} min early " +
                            $"(the platform's spin-up target); `infra plan {name}` shows why: {why.ReplaceLineEndings(" ")}");
            return TimeSpan.FromMinutes(SpinupEstimator.FallbackLeadMinutes);
        }
    }

    /// <summary>The lead time in the reason, so the hourly run's summary says when spin-ups start.</summary>
    private static void DescribeLead(TextWriter error, string name, StackConfigFile config, TimeSpan leadTime)
    {
        if (leadTime <= TimeSpan.Zero || !NeedsLead(config) || config.Schedule is not { WeekdayUp: { } up } schedule) return;
        var start = up.Add(-leadTime);
        error.WriteLine($"{name}: lead {leadTime.TotalMinutes:0} min: weekday spin-ups start at {start:HH\\:mm} {schedule.TimeZone.Id} to be ready at {up:HH\\:mm}.");
    }

    private static Option<string?> AtOption() => new("--at")
    {
        Description = "The instant to evaluate, ISO-8601 with an offset (2026-03-30T05:00:00Z). Default: now.",
        HelpName = "TIME",
    };

    private static DateTimeOffset? ParseInstant(string? text, TextWriter error, string option, TimeProvider? clock)
    {
        if (text is null) return (clock ?? TimeProvider.System).GetUtcNow();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return instant;
        error.WriteLine($"infra schedule: {option} '{text}' is not an ISO-8601 time; write e.g. 2026-03-30T05:00:00Z or 2026-03-30T07:00:00+02:00.");
        return null;
    }
}

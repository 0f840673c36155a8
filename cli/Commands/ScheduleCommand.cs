using System.CommandLine;
using System.Globalization;
using Infra.Operations;
using Infra.Operations.Schedule;
using Infra.Platform.Configuration;

namespace Infra.Cli.Commands;

/// <summary><c>infra schedule --stack STACK [--at ISO-8601]</c>: prints up, destroy or nothing.</summary>
public static class ScheduleCommand
{
    public static Command Create(TimeProvider? clock = null)
    {
        var stack = new Option<string>("--stack")
        {
            Description = "The stack to ask about; its Pulumi.STACK.yaml holds infra:schedule and infra:environment.",
            Required = true,
            HelpName = "STACK",
        };
        var at = new Option<string?>("--at")
        {
            Description = "The instant to evaluate, ISO-8601 with an offset (2026-03-30T05:00:00Z). Default: now.",
            HelpName = "TIME",
        };
        var manual = new Option<string?>("--now")
        {
            Description = "A manual run: print this action (up or destroy) instead of the scheduled one; production and opted-out stacks still print `nothing`.",
            HelpName = "up|destroy",
        };
        manual.AcceptOnlyFromAmong("up", "destroy");
        var projectDir = CommonOptions.ProjectDir();

        var command = new Command("schedule",
            "Print what the hourly scheduler should do with a dev stack at an instant: `up` (weekday spin-up), " +
            "`destroy` (weekend teardown) or `nothing`, from the stack config object infra:schedule " +
            "(timeZone, weekdayUp, weekendDown, holidays, optOut, windowMinutes), in the stack's own time zone and " +
            "correct across daylight-saving changes. Production stacks (infra:environment: production, or unset on a stack named " +
            "like prod-eu: the rule synthesis uses) always print `nothing`. " +
            "The reason goes to stderr, the word alone to stdout. " + ExitCodes.Help)
        {
            stack, at, manual, projectDir,
        };

        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var name = parse.GetValue(stack)!;
            DateTimeOffset instant;
            if (parse.GetValue(at) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant))
                {
                    error.WriteLine($"infra schedule: --at '{text}' is not an ISO-8601 time; write e.g. 2026-03-30T05:00:00Z or 2026-03-30T07:00:00+02:00.");
                    return ExitCodes.Usage;
                }
            }
            else
            {
                instant = (clock ?? TimeProvider.System).GetUtcNow();
            }

            try
            {
                if (OperationsContext.ProjectRoot(parse.GetValue(projectDir), error) is not { } root) return ExitCodes.InvalidInput;
                var config = StackConfigFile.Load(root, name);
                // A misspelt stack would otherwise read as "no schedule" and print `nothing`, exit 0.
                if (!config.Exists)
                    throw new InvalidDataException(
                        $"{Path.GetFileName(config.Path)} does not exist in {root}, so there is no stack '{name}' to schedule; " +
                        "name a stack that has a stack file (`ls Pulumi.*.yaml`).");
                var policy = new SchedulePolicy(config.Schedule, config.Environment);
                var decision = parse.GetValue(manual) switch
                {
                    "up" => policy.Manual(ScheduleAction.Up),
                    "destroy" => policy.Manual(ScheduleAction.Destroy),
                    _ => policy.Evaluate(instant),
                };
                parse.InvocationConfiguration.Output.WriteLine(decision.Action.ToCommandWord());
                error.WriteLine($"{name}: {decision.Action.ToCommandWord()}: {decision.Reason}");
                return ExitCodes.Success;
            }
            catch (Exception failure) when (failure is ConfigException or InvalidDataException)
            {
                error.WriteLine($"infra schedule: stack '{name}': {failure.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }
}

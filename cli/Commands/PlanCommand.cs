using System.CommandLine;
using Infra.Cli.Rendering;
using Infra.Operations;
using Infra.Operations.Spinup;
using Infra.Platform.Configuration;
using Infra.Platform.Schedule;

namespace Infra.Cli.Commands;

/// <summary><c>infra plan</c>: what a stack would create, without Pulumi, cloud or credentials.</summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var stack = CommonOptions.StackArgument();
        var projectDir = CommonOptions.ProjectDir();
        var command = new Command("plan",
            "Show what the stack would create: a tree of resources grouped by component, the count of each resource " +
            "type, the stack outputs, the estimated wall time of `pulumi up` and `pulumi destroy` with their critical paths, then the policy pack's findings (exit code 3 when a mandatory policy fails). Needs no " +
            "Pulumi CLI, cloud account or credentials. " + ExitCodes.Help)
        {
            stack,
            projectDir,
        };
        command.SetAction(result => CliContext.Run(() =>
        {
            // Unlike synth, plan shows the program even when it breaks a policy, with every finding.
            var program = CliContext.Check(result.GetValue(stack), result.GetValue(projectDir));
            CliContext.PrintWarnings(program);
            Console.Out.Write(PlanView.Render(program.Blueprint));
            if (program.Report is not null)  // a stack's program; the plugin-discovery program creates nothing
                Console.Out.Write(SpinupView.Render(SpinupEstimator.Estimate(program.Blueprint.ToYaml()),
                    WeekdaySchedule(result.GetValue(projectDir), CliContext.Stack(result.GetValue(stack)))));
            if (program.Report is not { } report) return ExitCodes.Success;
            var findings = new System.Text.StringBuilder();
            PolicyView.Violations(findings, report);
            Console.Out.Write(findings.ToString());
            return report.HasMandatoryFailures ? ExitCodes.PolicyViolation : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The stack file's schedule when it spins the stack up on weekdays (what `infra schedule` starts early); else null.</summary>
    private static ScheduleSettings? WeekdaySchedule(string? projectDir, string? stack)
    {
        if (stack is null) return null;
        try
        {
            var config = StackConfigFile.Load(CliContext.Project(projectDir).Root, stack);
            return config.Environment != DeploymentEnvironment.Production && config.Schedule is { OptOut: false, WeekdayUp: not null } schedule
                ? schedule
                : null;
        }
        catch (Exception failure) when (failure is ConfigException or InvalidDataException)
        {
            return null;  // synthesis has read the same file and reported its problems
        }
    }
}

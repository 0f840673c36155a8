using System.CommandLine;
using Infra.Cli.Rendering;
using Infra.Operations.Spinup;

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
                Console.Out.Write(SpinupView.Render(SpinupEstimator.Estimate(program.Blueprint.ToYaml())));
            if (program.Report is not { } report) return ExitCodes.Success;
            var findings = new System.Text.StringBuilder();
            PolicyView.Violations(findings, report);
            Console.Out.Write(findings.ToString());
            return report.HasMandatoryFailures ? ExitCodes.PolicyViolation : ExitCodes.Success;
        }));
        return command;
    }
}

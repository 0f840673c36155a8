using System.CommandLine;
using Infra.Cli.Rendering;

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
            "type, and the stack outputs. Needs no Pulumi CLI, cloud account or credentials. " + ExitCodes.Help)
        {
            stack,
            projectDir,
        };
        command.SetAction(result => CliContext.Run(() =>
        {
            Console.Out.Write(PlanView.Render(CliContext.Synthesize(result.GetValue(stack), result.GetValue(projectDir))));
            return ExitCodes.Success;
        }));
        return command;
    }
}

using System.CommandLine;
using Infra.Stacks;

namespace Infra.Cli.Commands;

/// <summary><c>infra synth</c>: the command Pulumi runs as its YAML compiler.</summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var stack = CommonOptions.StackArgument();
        var projectDir = CommonOptions.ProjectDir();
        var command = new Command("synth",
            "Print the stack's Pulumi YAML program on stdout. This is the compiler Pulumi.yaml names: Pulumi runs it " +
            "with PULUMI_STACK and PULUMI_CONFIG set, and once without them to learn which provider plugins to install. " +
            "Run by hand it reads Pulumi.<stack>.yaml. On any error nothing is printed on stdout. " + ExitCodes.Help)
        {
            stack,
            projectDir,
        };
        command.SetAction(result => CliContext.Run(() =>
        {
            var program = StackSynthesizer.Enforce(CliContext.Check(result.GetValue(stack), result.GetValue(projectDir), renderAhead: true));
            var yaml = program.Render();
            CliContext.PrintWarnings(program);
            yaml.WriteTo(Console.Out);
            return ExitCodes.Success;
        }));
        return command;
    }
}

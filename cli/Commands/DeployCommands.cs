using System.CommandLine;
using Infra.Operations;
using Infra.Operations.Deploy;
using Infra.Operations.Diff;
using Infra.Operations.Schedule;
using Infra.Platform.Configuration;
using Infra.Platform.Schedule;

namespace Infra.Cli.Commands;

/// <summary><c>infra up|preview|destroy|refresh STACK</c>: the Pulumi CLI driven as the Automation API does.</summary>
public static class DeployCommands
{
    private static readonly string[] Tiers = ["laptop", "onprem3", "dc9", "global"];

    /// <returns>The four commands, to add to the root command.</returns>
    public static IReadOnlyList<Command> Create(ISynthesizer synthesizer, IProcessRunner? runner = null) =>
    [
        Build(DeployOperation.Up, synthesizer, runner,
            "Deploy the stack: select or create it, then `pulumi up --yes --skip-preview` with progress lines (resources done / total, current step, failures)."),
        Build(DeployOperation.Preview, synthesizer, runner,
            "Show what `infra up` would change: `pulumi preview` with the planned steps as progress lines."),
        Build(DeployOperation.Destroy, synthesizer, runner,
            "Delete every resource of the stack: `pulumi destroy --yes`. A production stack is refused unless --force and --confirm STACK are both given."),
        Build(DeployOperation.Refresh, synthesizer, runner,
            "Read the real state of every resource into the stack's state: `pulumi refresh --yes`."),
    ];

    private static Command Build(DeployOperation operation, ISynthesizer synthesizer, IProcessRunner? runner, string summary)
    {
        var stack = new Argument<string>("stack")
        {
            Description = "The stack to operate on, e.g. laptop or dc9 (created if missing; laptop state stays in .pulumi/ unless PULUMI_BACKEND_URL is set).",
        };
        var projectDir = CommonOptions.ProjectDir();
        var showOutput = new Option<bool>("--show-pulumi-output")
        {
            Description = "Also print Pulumi's own output, not only the progress lines.",
        };
        var command = new Command(operation.Verb(),
            summary + " Needs the Pulumi CLI (https://www.pulumi.com/docs/install/). " +
            "Exit codes: Pulumi's own exit code is passed through (0 ok); 1 error you can fix (missing Pulumi CLI, refused destroy); 2 wrong usage.")
        {
            stack, projectDir, showOutput,
        };

        Option<bool>? diff = null;
        if (operation is DeployOperation.Up or DeployOperation.Preview)
        {
            diff = new Option<bool>("--diff") { Description = "Print Pulumi's detailed property diff (pulumi --diff)." };
            command.Add(diff);
        }
        Option<bool>? force = null;
        Option<string?>? confirm = null;
        if (operation == DeployOperation.Destroy)
        {
            force = new Option<bool>("--force") { Description = "Allow destroying a production stack (needs --confirm too)." };
            confirm = new Option<string?>("--confirm")
            {
                Description = "The stack name typed again; required with --force for a production stack (CI has no prompt).",
                HelpName = "STACK",
            };
            command.Add(force);
            command.Add(confirm);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(stack)!;
            var error = parse.InvocationConfiguration.Error;
            if (OperationsContext.ProjectRoot(parse.GetValue(projectDir), error) is not { } root) return ExitCodes.InvalidInput;
            StackConfigFile config;
            DeploymentEnvironment environment;
            try
            {
                config = StackConfigFile.Load(root, name);
                environment = config.Environment;
            }
            catch (Exception failure) when (failure is ConfigException or InvalidDataException)
            {
                error.WriteLine($"infra {operation.Verb()}: {failure.Message}");
                return ExitCodes.InvalidInput;
            }

            var tier = config.Tier ?? name;
            var defaults = new Dictionary<string, string>();
            if (config.Tier is null && Tiers.Contains(name)) defaults["infra:tier"] = name;

            var request = new DeployRequest(
                operation, name, root, tier, environment,
                ConfigDefaults: defaults,
                ExpectedResources: operation == DeployOperation.Up ? CountResources(synthesizer, root, name) : null,
                Force: force is not null && parse.GetValue(force),
                ConfirmStack: confirm is null ? null : parse.GetValue(confirm),
                ShowDiff: diff is not null && parse.GetValue(diff),
                ShowPulumiOutput: parse.GetValue(showOutput));
            var driver = new DeployDriver(runner ?? new SystemProcessRunner(), parse.InvocationConfiguration.Output, error);
            var result = await driver.RunAsync(request, cancellationToken);
            return result.ExitCode;
        });
        return command;
    }

    /// <summary>Resources Pulumi will step through: the program's plus the stack itself. Only for the progress total.</summary>
    private static int? CountResources(ISynthesizer synthesizer, string root, string stack)
    {
        try
        {
            return ProgramDocument.Parse(synthesizer.Synthesize(root, stack), "head").Resources.Count + 1;
        }
        catch (Exception)
        {
            return null;  // Pulumi runs the synthesis itself and reports any failure properly
        }
    }
}

using System.CommandLine;
using Infra.Cli;
using Infra.Cli.Commands;

// Before anything else: ./infra asks whether the sources changed since this build (and rebuilds if so).
if (LauncherFreshness.IsStale()) return LauncherFreshness.StaleExitCode;

var synthesizer = new StackProgramSynthesizer();
var root = new RootCommand(
    "infra: synthesizes the Pulumi YAML program of each tier of the platform (laptop, onprem3, dc9, global) " +
    "and helps operate its stacks. Pulumi runs `infra synth` as its YAML compiler; people run `infra plan`. " +
    ExitCodes.Help)
{
    SynthCommand.Create(),
    PlanCommand.Create(),
    PolicyCommand.Create(),
    TiersCommand.Create(),
    ConfigCommand.Create(),
    DiffCommand.Create(synthesizer),
    ScheduleCommand.Create(estimateLead: SpinupLead.Estimator(synthesizer)),
    StacksCommand.Create(synthesizer),
    CostCommand.Create(synthesizer),
    DiagramCommand.Create(synthesizer),
};
foreach (var command in DeployCommands.Create(synthesizer)) root.Add(command);

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run 'infra --help' for usage.");
    return ExitCodes.Usage;
}
return await parsed.InvokeAsync();

using System.CommandLine;
using Infra.Cli;
using Infra.Cli.Commands;

// Before anything else: ./infra asks whether the sources changed since this build (and rebuilds if so). `synth`, the
// call Pulumi makes on every preview, synthesizes meanwhile and waits for the answer only when it first writes; every
// other command waits at once. synth prints one program at its end, through a buffer (ProgramOutput).
var freshness = LauncherFreshness.FromEnvironment(args, overlap: args is ["synth", ..]);
if (args is not ["synth", ..] && freshness.Settle() is { } stale) return stale;
var (stdout, stderr) = (args is ["synth", ..] ? ProgramOutput.Open() : Console.Out, Console.Error);
Console.SetOut(freshness.Out(stdout));
Console.SetError(freshness.Error(stderr));
return freshness.Finish(await Run(args), stdout, stderr);

// The tool itself: its commands, parsed and run.
static async Task<int> Run(string[] args)
{
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
}

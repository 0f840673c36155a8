using System.CommandLine;
using System.Text;
using Infra.Operations;
using Infra.Operations.Deploy;
using Infra.Operations.Diagram;
using Infra.Operations.Diff;
using Infra.Operations.Graph;

namespace Infra.Cli.Commands;

/// <summary><c>infra diagram STACK [--format mermaid|dot|svg|png] [--output FILE] [--base REF | --base-file PATH]</c>.</summary>
public static class DiagramCommand
{
    public static Command Create(ISynthesizer synthesizer, IProcessRunner? runner = null)
    {
        var stack = new Argument<string>("stack") { Description = "The stack to draw (laptop, onprem3, dc9, or any stack whose infra:tier names a tier)." };
        var format = new Option<string>("--format")
        {
            Description = "mermaid (for a pull-request comment; GitHub renders it), dot (Graphviz source), svg or png (drawn by Graphviz's dot; png needs --output).",
            DefaultValueFactory = _ => "mermaid",
            HelpName = "mermaid|dot|svg|png",
        };
        format.AcceptOnlyFromAmong("mermaid", "dot", "svg", "png");
        var output = new Option<string?>("--output") { Description = "Write the diagram to this file instead of stdout.", HelpName = "FILE" };
        var baseRef = new Option<string?>("--base")
        {
            Description = "Mark what changed against this git ref (its own CLI synthesizes the old program, as in infra diff): added parts green with +, removed parts red and dashed with −.",
            HelpName = "REF",
        };
        var baseFile = new Option<string?>("--base-file") { Description = "Mark what changed against a saved program (output of `infra synth STACK`).", HelpName = "PATH" };
        var projectDir = CommonOptions.ProjectDir();
        var command = new Command("diagram",
            "Draw the stack's topology from its synthesized program: regions, the VPC, availability zones and subnets, " +
            "gateways, load balancers, servers grouped by Service with their data volumes, databases and DNS names; Docker " +
            "hosts and their containers. Mermaid for pull-request comments; SVG and PNG through Graphviz (`dot`). " + ExitCodes.Help)
        {
            stack, format, output, baseRef, baseFile, projectDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var name = parse.GetValue(stack)!;
            var chosen = parse.GetValue(format)!;
            var path = parse.GetValue(output);
            if (chosen == "png" && path is null)
            {
                error.WriteLine("infra diagram: --format png writes binary data; name a file with --output FILE.png.");
                return ExitCodes.Usage;
            }
            if (parse.GetValue(baseRef) is not null && parse.GetValue(baseFile) is not null)
            {
                error.WriteLine("infra diagram: give at most one of --base REF or --base-file PATH.");
                return ExitCodes.Usage;
            }
            if (OperationsContext.ProjectRoot(parse.GetValue(projectDir), error) is not { } root) return ExitCodes.InvalidInput;
            try
            {
                var topology = TopologyBuilder.Build(synthesizer.Synthesize(root, name));
                string? baseProgram = null;
                if (parse.GetValue(baseFile) is { } file)
                {
                    if (!File.Exists(file))
                    {
                        error.WriteLine($"infra diagram: --base-file {file} does not exist; create one with `infra synth {name} > {file}`.");
                        return ExitCodes.InvalidInput;
                    }
                    baseProgram = await File.ReadAllTextAsync(file, cancellationToken);
                }
                else if (parse.GetValue(baseRef) is { } gitRef)
                {
                    var programs = await new GitRefSynthesizer(runner ?? new SystemProcessRunner(), error, synthesizer).SynthesizeAsync(root, gitRef, [name], cancellationToken);
                    baseProgram = programs.Programs.GetValueOrDefault(name, "");
                }
                if (baseProgram is not null) topology = Topology.Compare(TopologyBuilder.Build(baseProgram), topology);

                byte[] bytes = chosen switch
                {
                    "mermaid" => Encoding.UTF8.GetBytes(DiagramRenderer.Mermaid(topology)),
                    "dot" => Encoding.UTF8.GetBytes(DiagramRenderer.Dot(topology, $"Stack {name}")),
                    _ => Graphviz.Render(DiagramRenderer.Dot(topology, $"Stack {name}"), chosen),
                };
                if (path is not null) await File.WriteAllBytesAsync(path, bytes, cancellationToken);
                else parse.InvocationConfiguration.Output.Write(Encoding.UTF8.GetString(bytes));
                return ExitCodes.Success;
            }
            catch (Exception failure) when (failure is DiagramException or ProgramCycleException or ProgramParseException or BaseProgramException
                                            || OperationsContext.IsUserError(failure))
            {
                error.WriteLine($"infra diagram: stack '{name}': {failure.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }
}

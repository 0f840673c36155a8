using System.CommandLine;
using Infra.Operations;
using Infra.Operations.Deploy;
using Infra.Operations.Diff;
using Infra.Operations.Cost;
using Infra.Operations.Diagram;
using Infra.Operations.Graph;
using Infra.Platform.Configuration;
using Infra.Platform.Schedule;

namespace Infra.Cli.Commands;

/// <summary><c>infra diff STACK... --base REF | --base-file PATH [--format text|markdown]</c>.</summary>
public static class DiffCommand
{
    public const string DefaultMarker = "<!-- infra-diff -->";

    /// <param name="runner">Runs git and dotnet for --base; tests pass a recording one.</param>
    public static Command Create(ISynthesizer synthesizer, IProcessRunner? runner = null)
    {
        var stacks = new Argument<string[]>("stack")
        {
            Description = "One or more stacks (tiers) to compare, e.g. laptop onprem3 dc9 global.",
            Arity = ArgumentArity.OneOrMore,
        };
        var baseRef = new Option<string?>("--base")
        {
            Description = "Git ref to compare against (branch, tag or commit, e.g. origin/main). The old programs come from that revision's own code: this CLI when the code is unchanged (only stack files, docs or tests differ), else its CLI built once per commit and cached in .build/base-cli.",
            HelpName = "REF",
        };
        var baseFile = new Option<string?>("--base-file")
        {
            Description = "A saved program (output of `infra synth STACK`) to compare against instead of a git ref; one stack only.",
            HelpName = "PATH",
        };
        var format = new Option<string>("--format")
        {
            Description = "text: readable terminal diff; markdown: a pull-request comment kept under GitHub's 65,536-character limit.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|markdown",
        };
        format.AcceptOnlyFromAmong("text", "markdown");
        var output = new Option<string?>("--output")
        {
            Description = "Write the diff to this file instead of stdout.",
            HelpName = "FILE",
        };
        var marker = new Option<string>("--marker")
        {
            Description = "Hidden first line of the markdown comment that CI uses to find and update its own comment.",
            DefaultValueFactory = _ => DefaultMarker,
            HelpName = "TEXT",
        };
        var changedStacks = new Option<string?>("--changed-stacks")
        {
            Description = "Also write the names of the stacks whose program changed to this file, one per line (CI previews only those).",
            HelpName = "FILE",
        };
        var projectDir = CommonOptions.ProjectDir();

        var command = new Command("diff",
            "Show what the working tree changes in each stack's synthesized Pulumi program compared with a base: " +
            "resources added, removed, changed and replaced (a new URN, or a property the provider cannot update: said first, " +
            "with the reason), with every changed property path (old → new, secrets masked), " +
            "option and type changes, outputs and config. Offline: no credentials and no Pulumi CLI. A stack that cannot be " +
            "synthesized is reported in the diff and makes the exit code 1. " + ExitCodes.Help)
        {
            stacks, baseRef, baseFile, format, output, marker, changedStacks, projectDir,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var names = parse.GetValue(stacks) ?? [];
            var gitRef = parse.GetValue(baseRef);
            var file = parse.GetValue(baseFile);
            if ((gitRef is null) == (file is null))
            {
                error.WriteLine("infra diff: give exactly one of --base REF (a git ref) or --base-file PATH (a saved program).");
                return ExitCodes.Usage;
            }
            if (file is not null && names.Length != 1)
            {
                error.WriteLine($"infra diff: --base-file holds one program, but {names.Length} stacks were given; name one stack or use --base REF.");
                return ExitCodes.Usage;
            }

            var root = OperationsContext.ProjectRoot(parse.GetValue(projectDir), error);
            if (root is null) return ExitCodes.InvalidInput;
            // The head programs are synthesized while the base's are fetched, each stack on its own thread.
            var heads = names.Distinct(StringComparer.Ordinal).ToDictionary(stack => stack, stack => Task.Run(() => SynthesizeHead(synthesizer, root, stack), cancellationToken), StringComparer.Ordinal);
            BasePrograms basePrograms;
            try
            {
                if (file is not null)
                {
                    if (!File.Exists(file))
                    {
                        error.WriteLine($"infra diff: --base-file {file} does not exist; create one with `infra synth {names[0]} > {file}`.");
                        return ExitCodes.InvalidInput;
                    }
                    basePrograms = new BasePrograms(
                        new Dictionary<string, string> { [names[0]] = await File.ReadAllTextAsync(file, cancellationToken) },
                        new Dictionary<string, string>());
                }
                else
                {
                    basePrograms = await new GitRefSynthesizer(runner ?? new SystemProcessRunner(), error, synthesizer)
                        .SynthesizeAsync(root, gitRef!, names, cancellationToken);
                }
            }
            catch (Exception failure) when (failure is BaseProgramException or ExecutableNotFoundException)
            {
                error.WriteLine($"infra diff: {failure.Message}");
                return ExitCodes.InvalidInput;
            }

            var label = gitRef ?? Path.GetFileName(file!);
            // Only the pull-request comment shows diagrams; the terminal shows the cost line.
            var drawDiagrams = parse.GetValue(format) == "markdown";
            var tiers = (await Task.WhenAll(names.Select(async stack =>
            {
                var head = await heads[stack];
                return await Task.Run(() => Compare(head, root, stack, basePrograms, label, drawDiagrams), cancellationToken);
            }))).ToList();
            var report = new DiffReport(label, tiers);
            var text = parse.GetValue(format) == "markdown"
                ? MarkdownDiffRenderer.Render(report, parse.GetValue(marker))
                : TerminalDiffRenderer.Render(report);

            if (parse.GetValue(changedStacks) is { } listPath)
            {
                await File.WriteAllLinesAsync(listPath, tiers.Where(tier => !tier.Diff.IsEmpty).Select(tier => tier.Stack), cancellationToken);
            }
            if (parse.GetValue(output) is { } path) await File.WriteAllTextAsync(path, text, cancellationToken);
            else parse.InvocationConfiguration.Output.Write(text);

            foreach (var failed in tiers.Where(tier => tier.Error is not null))
            {
                error.WriteLine($"infra diff: {failed.Stack}: {failed.Error}");
            }
            return tiers.Any(tier => tier.Error is not null) ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The monthly estimate before and after, when it changes (under the head's schedule); why not, when it cannot be made.</summary>
    private static string? CostChange(string root, string stack, Lazy<ProgramGraph>? baseProgram, Lazy<ProgramGraph> head)
    {
        try
        {
            ScheduleHours schedule;
            try { schedule = StackSchedule.Read(root, stack); }
            catch (Exception failure) when (failure is ConfigException or ScheduleConfigException or InvalidDataException) { schedule = ScheduleHours.AlwaysOn("schedule unreadable"); }
            var after = CostEstimator.Estimate(head.Value, PriceTable.Shipped, schedule);
            var before = baseProgram is null ? null : CostEstimator.Estimate(baseProgram.Value, PriceTable.Shipped, schedule);
            return (before?.AlwaysOn ?? 0) == after.AlwaysOn ? null : CostRenderer.Delta(before, after);
        }
        catch (Exception failure) when (failure is CostException or ProgramCycleException or ProgramParseException)
        {
            return $"not estimated ({failure.Message})";
        }
    }

    /// <summary>The changed tier's Mermaid diagram, base and head compared; none for an unchanged tier or one that cannot be drawn.</summary>
    private static string? Diagram(ProgramDiff diff, Lazy<ProgramGraph>? baseProgram, Lazy<ProgramGraph> head, bool draw)
    {
        if (diff.IsEmpty || !draw) return null;
        try
        {
            var after = TopologyBuilder.Build(head.Value);
            var marked = Topology.Compare(baseProgram is null ? new Topology() : TopologyBuilder.Build(baseProgram.Value), after);
            return marked.Nodes.Count == 0 ? null : DiagramRenderer.Mermaid(marked);
        }
        catch (Exception failure) when (failure is ProgramCycleException or ProgramParseException)
        {
            return null;
        }
    }

    /// <summary>One tier: the head program against the base; a base that cannot be synthesized counts as empty (a new tier).</summary>
    /// <summary>The working tree's program of a stack, or the error the user can fix.</summary>
    private static (string? Program, string? Error) SynthesizeHead(ISynthesizer synthesizer, string root, string stack)
    {
        try
        {
            return (synthesizer.Synthesize(root, stack), null);
        }
        catch (Exception failure) when (OperationsContext.IsUserError(failure))
        {
            return (null, failure.Message);
        }
    }

    private static TierDiff Compare((string? Program, string? Error) synthesized, string root, string stack, BasePrograms basePrograms, string label, bool drawDiagram)
    {
        if (synthesized.Program is not { } head) return TierDiff.Failed(stack, synthesized.Error!);

        var scope = new UrnScope(stack, PulumiProject.Name(root) ?? UrnScope.Unnamed.Project);
        // Each program is read into its graph once, for the cost and the diagram both.
        var headGraph = new Lazy<ProgramGraph>(() => ProgramGraph.Of(head));
        try
        {
            if (basePrograms.Programs.TryGetValue(stack, out var old))
            {
                var diff = ProgramDiff.Compare(old, head, scope);
                var baseGraph = old.Trim().Length == 0 ? null : new Lazy<ProgramGraph>(() => ProgramGraph.Of(old));
                return new TierDiff(stack, diff) { CostChange = CostChange(root, stack, baseGraph, headGraph), Diagram = Diagram(diff, baseGraph, headGraph, drawDiagram) };
            }
            var why = basePrograms.Failures.GetValueOrDefault(stack, "no base program");
            var added = ProgramDiff.Compare("", head, scope);
            return new TierDiff(stack, added, $"not synthesizable at {label}, so every resource shows as added ({why})")
            {
                CostChange = CostChange(root, stack, null, headGraph),
                Diagram = Diagram(added, null, headGraph, drawDiagram),
            };
        }
        catch (ProgramParseException failure)
        {
            return TierDiff.Failed(stack, failure.Message);
        }
    }
}

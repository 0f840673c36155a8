using System.CommandLine;
using Infra.Cli.Rendering;
using Infra.Policies;
using Infra.Stacks;

namespace Infra.Cli.Commands;

/// <summary><c>infra policy</c>: the policy pack's verdict on a stack, offline, for people and CI.</summary>
public static class PolicyCommand
{
    public static Command Create()
    {
        var stack = CommonOptions.StackArgument();
        var projectDir = CommonOptions.ProjectDir();
        var format = new Option<string>("--format")
        {
            Description = "text (a table) or json (for CI).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("policy",
            "Check a stack against the policy pack: every policy with its pass/fail/exempt counts, the violations with " +
            "their fixes, and the stack's exemptions (infra:policyExemptions). Without a stack, list the policies. " +
            "Exit code 3 when a mandatory policy fails (the same check `infra synth` enforces). " + ExitCodes.Help)
        {
            stack,
            projectDir,
            format,
        };
        command.SetAction(result => CliContext.Run(() =>
        {
            var name = CliContext.Stack(result.GetValue(stack));
            var json = result.GetValue(format) == "json";
            if (name is null)
            {
                Console.Out.Write(json ? CatalogJson() : PolicyView.Catalog(PolicyPack.All));
                return ExitCodes.Success;
            }
            var program = CliContext.Check(result.GetValue(stack), result.GetValue(projectDir));
            CliContext.PrintWarnings(program);
            var report = program.Report!;
            Console.Out.Write(json ? PolicyView.Json(report, program.Policies!) : PolicyView.Table(report, program.Policies!));
            return report.HasMandatoryFailures ? ExitCodes.PolicyViolation : ExitCodes.Success;
        }));
        return command;
    }

    private static string CatalogJson() =>
        new System.Text.Json.Nodes.JsonArray(PolicyPack.All.Select(p => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = p.Id,
            ["title"] = p.Title,
            ["category"] = p.Category,
            ["severity"] = p.Severity.ToString().ToLowerInvariant(),
        }).ToArray()).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
}

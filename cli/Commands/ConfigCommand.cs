using System.CommandLine;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Stacks;

namespace Infra.Cli.Commands;

/// <summary><c>infra config keys [TIER] [--format text|json|markdown]</c>: every config key, from its one declaration.</summary>
public static class ConfigCommand
{
    public static Command Create()
    {
        var tier = new Argument<string?>("tier")
        {
            Description = $"Only the keys this tier reads: {TierShape.Names}. Default: every tier's.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        tier.AcceptOnlyFromAmong([.. TierShape.All.Select(s => s.Name)]);
        var format = new Option<string>("--format")
        {
            Description = "text (default), json (an array of keys, each with scope, type, default, allowed values, description, " +
                          "secret and fields), or markdown (the README tables).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "markdown");

        var keys = new Command("keys",
            "List the config keys a stack may set: the keys every tier reads, then each tier's own, each with its type, " +
            "default, allowed values and meaning, and whether it is secret. The README's key tables are this output " +
            "(--format markdown). " + ExitCodes.Help)
        {
            tier, format,
        };
        keys.SetAction(parse => CliContext.Run(() =>
        {
            Tier? only = parse.GetValue(tier) is { } name && TierShape.TryParse(name, out var parsed) ? parsed : null;
            var groups = TierRegistry.KeyGroups(only);
            Console.Out.Write(parse.GetValue(format) switch
            {
                "json" => ConfigKeyDocs.Json(groups),
                "markdown" => string.Join("\n", groups.Select(ConfigKeyDocs.Markdown)),
                _ => ConfigKeyDocs.Text(groups),
            });
            return ExitCodes.Success;
        }));

        return new Command("config", "Describe the stack config the suite reads. " + ExitCodes.Help) { keys };
    }
}

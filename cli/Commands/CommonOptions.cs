using System.CommandLine;

namespace Infra.Cli.Commands;

/// <summary>Arguments and options several commands share, so their help reads the same everywhere.</summary>
public static class CommonOptions
{
    public static Argument<string?> StackArgument() => new("stack")
    {
        Description = "The stack (laptop, onprem3, dc9, global, or any stack whose infra:tier names a tier). " +
                      "Default: $PULUMI_STACK; with neither, the plugin-discovery program (every pinned provider).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Option<string?> ProjectDir() => new("--project-dir")
    {
        Description = "The folder holding Pulumi.yaml. Default: the current folder or the nearest one above it.",
    };
}

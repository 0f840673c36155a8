using System.CommandLine;
using Infra.Operations;

namespace Infra.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Option<string?> Project() => new("--project")
    {
        Description = "The Pulumi project folder (holding Pulumi.yaml). Default: the nearest one at or above the current folder.",
        HelpName = "DIR",
    };

    public static string ProjectRoot(ParseResult parse, Option<string?> project) =>
        parse.GetValue(project) is { } folder ? Path.GetFullPath(folder) : ProjectLocator.Find(Directory.GetCurrentDirectory());

    public static Argument<string> Stack(string description) => new("STACK") { Description = description };
}

using Infra.Platform.Configuration;
using Infra.Synthesis;

namespace Infra.Cli.Commands;

/// <summary>What the operations commands (diff, schedule, up...) share beyond <see cref="CliContext"/>.</summary>
public static class OperationsContext
{
    /// <summary>The project root, or null after writing why there is none (exit code 1).</summary>
    public static string? ProjectRoot(string? projectDir, TextWriter error)
    {
        try
        {
            return CliContext.Project(projectDir).Root;
        }
        catch (SynthesisException failure)
        {
            error.WriteLine("error: " + failure.Message);
            return null;
        }
    }

    /// <summary>The errors the synthesis core reports for a stack the user can fix.</summary>
    public static bool IsUserError(Exception failure) => failure is SynthesisException or ConfigException;
}

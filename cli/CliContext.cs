using Infra.Platform.Configuration;
using Infra.Policies;
using Infra.Stacks;
using Infra.Synthesis;

namespace Infra.Cli;

/// <summary>
/// What a command needs from its environment: the project, the stack Pulumi names in PULUMI_STACK
/// and the config it passes in PULUMI_CONFIG. Errors the user can fix become exit code 1 with the
/// message on stderr and nothing on stdout.
/// </summary>
public static class CliContext
{
    public static ProjectDirectory Project(string? projectDir) =>
        projectDir is null ? ProjectDirectory.Find(Directory.GetCurrentDirectory()) : ProjectDirectory.Find(projectDir);

    /// <summary>
    /// The stack to use: the argument, else PULUMI_STACK; null means plugin discovery. An empty argument
    /// (`infra synth "$STACK"` with STACK unset) is a stack name, and an invalid one, not a request for discovery.
    /// </summary>
    public static string? Stack(string? argument) =>
        argument ?? NullIfEmpty(Environment.GetEnvironmentVariable("PULUMI_STACK"));

    /// <summary>PULUMI_CONFIG applies when Pulumi runs us for that same stack; a person's run reads the stack file.</summary>
    public static string? PulumiConfig(string? argument)
    {
        var config = NullIfEmpty(Environment.GetEnvironmentVariable("PULUMI_CONFIG"));
        var envStack = NullIfEmpty(Environment.GetEnvironmentVariable("PULUMI_STACK"));
        if (config is null) return null;
        if (argument is null || envStack is null || argument.Split('/')[^1] == envStack.Split('/')[^1]) return config;
        return null;
    }

    /// <summary>The stack's program with the policy pack's report, not enforced (plan, policy).</summary>
    public static CheckedProgram Check(string? stackArgument, string? projectDir, bool renderAhead = false) =>
        StackSynthesizer.Check(Project(projectDir), Stack(stackArgument), PulumiConfig(stackArgument), renderAhead);

    /// <summary>
    /// Config findings that do not stop synthesis, on stderr (stdout carries only the program). Pulumi shows
    /// a compiler's stderr only when it fails, so these reach people who run `infra plan` or `infra synth`.
    /// </summary>
    public static void PrintWarnings(CheckedProgram program)
    {
        foreach (var warning in program.Warnings)
            Console.Error.WriteLine($"warning: stack '{program.Blueprint.Title}': {warning.Render()}");
    }

    /// <summary>Runs <paramref name="action"/>, mapping the suite's exceptions onto exit codes and stderr.</summary>
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (PolicyViolationException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return ExitCodes.PolicyViolation;
        }
        catch (SynthesisException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"internal error (a bug in infra, please report it): {e}");
            return ExitCodes.InternalError;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

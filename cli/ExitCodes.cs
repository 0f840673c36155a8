namespace Infra.Cli;

/// <summary>The exit codes of every <c>infra</c> command (also listed in --help and the README).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Invalid configuration or program: the message on stderr says what and how to fix it.</summary>
    public const int InvalidInput = 1;
    /// <summary>The command line itself is wrong (unknown command, option or argument).</summary>
    public const int Usage = 2;
    /// <summary>Mandatory policy violations: nothing was printed, nothing may be deployed.</summary>
    public const int PolicyViolation = 3;
    /// <summary>A bug in infra: please report it with the stack trace printed on stderr.</summary>
    public const int InternalError = 70;

    public const string Help =
        "Exit codes: 0 success; 1 invalid configuration or program (stderr says what to fix); " +
        "2 usage error; 3 mandatory policy violation; 70 internal error.";
}

namespace Infra.Cli.Commands;

/// <summary>Exit codes shared by every infra command (also written in each command's help).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>An error the user can fix: bad config, missing tool, failed synthesis, refused destroy.</summary>
    public const int Error = 1;

    /// <summary>Wrong usage: missing or conflicting arguments.</summary>
    public const int Usage = 2;

    public const string Help = "Exit codes: 0 ok, 1 error you can fix (the message says how), 2 wrong usage.";
}

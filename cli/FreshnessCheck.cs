namespace Infra.Cli;

/// <summary>
/// One run's answer to "is this build stale?" (<see cref="LauncherFreshness"/>). Asked for by the launcher, it walks
/// the watched sources; with <c>overlap</c> (for <c>infra synth</c>, the call Pulumi makes on every preview) the walk
/// runs on another thread while the command synthesizes with its output held back, so the two cores share the work.
/// A stale build prints nothing of its own: its held output is dropped, and it ends with <see cref="LauncherFreshness.StaleExitCode"/>
/// for the launcher that waits for it, or runs the full launcher in its place when <c>./infra</c>'s fast path exec'd it.
/// </summary>
public sealed class FreshnessCheck
{
    private readonly Task<string?>? walk;
    private readonly string? launcher;
    private readonly string[] args;
    private readonly StringWriter? heldOut;
    private readonly StringWriter? heldError;

    private FreshnessCheck(Task<string?>? walk, string? launcher, string[] args, bool hold)
    {
        this.walk = walk;
        this.launcher = launcher;
        this.args = args;
        if (walk is not null && hold)
        {
            heldOut = new StringWriter();
            heldError = new StringWriter();
        }
    }

    /// <summary>No check asked for when <paramref name="built"/> or <paramref name="watched"/> is empty.</summary>
    public static FreshnessCheck Start(string? built, string? watched, string? launcher, string[] args, bool overlap)
    {
        if (string.IsNullOrEmpty(built) || string.IsNullOrEmpty(watched)) return new(null, launcher, args, hold: false);
        var walk = overlap
            ? Task.Run(() => LauncherFreshness.FirstNewer(built, watched))
            : Task.FromResult(LauncherFreshness.FirstNewer(built, watched));
        return new(walk, launcher, args, overlap);
    }

    /// <summary>The writers the command must use for stdout and stderr until <see cref="Finish"/>: held ones while the walk overlaps it.</summary>
    public TextWriter Out(TextWriter stdout) => heldOut ?? stdout;

    public TextWriter Error(TextWriter stderr) => heldError ?? stderr;

    /// <summary>Null when the tool may go on (no check asked for, or fresh); otherwise the exit code to end with.</summary>
    public int? Settle()
    {
        if (walk is null || walk.GetAwaiter().GetResult() is null) return null;
        return string.IsNullOrEmpty(launcher) ? LauncherFreshness.StaleExitCode : LauncherFreshness.Relaunch(launcher, args);
    }

    /// <summary>
    /// After the command: when the build was stale, its held output is dropped and the stale exit code (or the full
    /// launcher's) is returned; otherwise the held output goes to the real writers and <paramref name="code"/> is returned.
    /// </summary>
    public int Finish(int code, TextWriter stdout, TextWriter stderr)
    {
        if (Settle() is { } stale) return stale;
        if (heldError is not null) Pass(heldError, stderr);
        if (heldOut is not null) Pass(heldOut, stdout);
        stderr.Flush();
        stdout.Flush();
        return code;
    }

    // Chunk by chunk: a held program of megabytes is never turned into one large string.
    private static void Pass(StringWriter held, TextWriter writer)
    {
        foreach (var chunk in held.GetStringBuilder().GetChunks()) writer.Write(chunk.Span);
    }
}

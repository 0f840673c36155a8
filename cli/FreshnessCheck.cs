namespace Infra.Cli;

/// <summary>
/// One run's answer to "is this build stale?" (<see cref="LauncherFreshness"/>). Asked for by the launcher, it walks
/// the watched sources; with <c>overlap</c> (for <c>infra synth</c>, the call Pulumi makes on every preview) the walk
/// runs on another thread while the command synthesizes, and the command's first write waits for it
/// (<see cref="SettledWriter"/>), so the two cores share the work.
/// A stale build prints nothing of its own: its output is dropped, and it ends with <see cref="LauncherFreshness.StaleExitCode"/>
/// for the launcher that waits for it, or runs the full launcher in its place when <c>./infra</c>'s fast path exec'd it.
/// </summary>
public sealed class FreshnessCheck
{
    private readonly Task<string?>? walk;
    private readonly string? launcher;
    private readonly string[] args;
    private readonly bool overlap;

    /// <summary>A check whose walk is <paramref name="walk"/> (null: none asked for); tests give it one they finish themselves.</summary>
    internal FreshnessCheck(Task<string?>? walk, string? launcher, string[] args, bool overlap)
    {
        this.walk = walk;
        this.launcher = launcher;
        this.args = args;
        this.overlap = walk is not null && overlap;
    }

    /// <summary>No check asked for when <paramref name="built"/> or <paramref name="watched"/> is empty.</summary>
    public static FreshnessCheck Start(string? built, string? watched, string? launcher, string[] args, bool overlap)
    {
        if (string.IsNullOrEmpty(built) || string.IsNullOrEmpty(watched)) return new(null, launcher, args, overlap: false);
        var walk = overlap
            ? Task.Run(() => LauncherFreshness.FirstNewer(built, watched))
            : Task.FromResult(LauncherFreshness.FirstNewer(built, watched));
        return new(walk, launcher, args, overlap);
    }

    /// <summary>The writers the command must use for stdout and stderr: ones that wait for the walk while it overlaps the command.</summary>
    public TextWriter Out(TextWriter stdout) => overlap ? new SettledWriter(IsFresh, stdout) : stdout;

    public TextWriter Error(TextWriter stderr) => overlap ? new SettledWriter(IsFresh, stderr) : stderr;

    private bool IsFresh() => walk is null || walk.GetAwaiter().GetResult() is null;

    /// <summary>Null when the tool may go on (no check asked for, or fresh); otherwise the exit code to end with.</summary>
    public int? Settle()
    {
        if (IsFresh()) return null;
        return string.IsNullOrEmpty(launcher) ? LauncherFreshness.StaleExitCode : LauncherFreshness.Relaunch(launcher, args);
    }

    /// <summary>
    /// After the command: when the build was stale, its output was dropped and the stale exit code (or the full
    /// launcher's) is returned; otherwise the real writers are flushed and <paramref name="code"/> is returned.
    /// </summary>
    public int Finish(int code, TextWriter stdout, TextWriter stderr)
    {
        if (Settle() is { } stale) return stale;
        stderr.Flush();
        stdout.Flush();
        return code;
    }
}

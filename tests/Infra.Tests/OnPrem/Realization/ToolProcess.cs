using Infra.Testing;
using System.Diagnostics;

namespace Infra.Tests.OnPrem.Realization;

/// <summary>The outcome of one finished (or timed-out and killed) command.</summary>
internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public bool Ok => ExitCode == 0 && !TimedOut;

    public override string ToString() =>
        $"exit {(TimedOut ? "timeout" : ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}; stdout: {Stdout.Trim()}; stderr: {Stderr.Trim()}";
}

/// <summary>
/// Runs a short command with a hard timeout, optionally as the <c>postgres</c> OS user
/// (PostgreSQL, Patroni and pgBackRest refuse to run as root).
/// </summary>
internal static class ToolProcess
{
    public const string ServiceUser = "postgres";

    public static ProcessStartInfo StartInfo(IReadOnlyList<string> command, bool asServiceUser, IDictionary<string, string>? environment = null)
    {
        // setpriv execs the command itself (runuser would fork and wait), so the process id we get
        // is the daemon's own and SIGKILL reaches it.
        var argv = asServiceUser
            ? new[] { "setpriv", $"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", "--" }.Concat(command).ToList()
            : command.ToList();
        var info = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in argv.Skip(1)) info.ArgumentList.Add(arg);
        if (asServiceUser) info.Environment["HOME"] = "/var/lib/postgresql";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        return info;
    }

    /// <summary>Starts a long-running server (as the service user when asked), its output in <paramref name="logPath"/>.</summary>
    public static LoopbackDaemon StartDaemon(string name, IReadOnlyList<string> command, string logPath, bool asServiceUser) =>
        LoopbackDaemon.Start(name, StartInfo(command, asServiceUser), logPath);

    public static async Task<ToolResult> RunAsync(
        IReadOnlyList<string> command, TimeSpan timeout, bool asServiceUser = false,
        IDictionary<string, string>? environment = null, string? stdin = null)
    {
        using var process = Process.Start(StartInfo(command, asServiceUser, environment))
            ?? throw new InvalidOperationException($"Could not start {command[0]}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();

        using var cts = new CancellationTokenSource(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return new ToolResult(timedOut ? -1 : process.ExitCode, await stdout, await stderr, timedOut);
    }

    public static async Task<ToolResult> RequireAsync(IReadOnlyList<string> command, TimeSpan timeout, bool asServiceUser = false)
    {
        var result = await RunAsync(command, timeout, asServiceUser);
        if (!result.Ok) throw new InvalidOperationException($"'{string.Join(' ', command)}' failed: {result}");
        return result;
    }
}

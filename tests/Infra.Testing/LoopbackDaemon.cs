using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Infra.Testing;

/// <summary>
/// A real server started for a test (etcd, Patroni, PostgreSQL, nats-server...): its output goes to a
/// log file, signals reach it by process id, and disposing kills its whole process tree.
/// </summary>
public sealed class LoopbackDaemon : IDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    public string Name { get; }
    public string LogPath { get; }
    public int Pid => process.Id;
    public bool HasExited => process.HasExited;

    private LoopbackDaemon(string name, Process process, string logPath, StreamWriter log)
    {
        Name = name;
        this.process = process;
        LogPath = logPath;
        this.log = log;
    }

    /// <summary>Starts <paramref name="start"/> with its output and error streams appended to <paramref name="logPath"/>.</summary>
    public static LoopbackDaemon Start(string name, ProcessStartInfo start, string logPath)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {name}: {start.FileName} {string.Join(' ', start.ArgumentList)}");
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new LoopbackDaemon(name, process, logPath, log);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            try { log.WriteLine(line); } catch (ObjectDisposedException) { }
        }
    }

    /// <summary>SIGKILL the process alone (a crash: no goodbye to peers or clients), leaving its children as they are.</summary>
    public void KillHard()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: false);
        process.WaitForExit(10_000);
    }

    /// <summary>Sends a POSIX signal (for example SIGUSR2, nats-server's lame duck) unless the process has exited.</summary>
    public void Signal(int signal)
    {
        if (!process.HasExited && Kill(process.Id, signal) != 0)
            throw new InvalidOperationException($"kill -{signal} {process.Id} ({Name}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds:0} s. Log tail:\n{Tail()}");
        }
    }

    /// <summary>The last lines of the log, for failure messages.</summary>
    public string Tail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return string.Join('\n', new StreamReader(stream).ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(log unreadable: {e.Message})";
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { }
        process.Dispose();
        lock (log) log.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

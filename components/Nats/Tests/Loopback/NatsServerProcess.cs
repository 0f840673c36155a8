using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Infra.Nats.Tests.Loopback;

/// <summary>One running nats-server, its log in a file; killed (whole tree) on dispose.</summary>
internal sealed class NatsServerProcess : IDisposable
{
    private const int SigUsr2 = 12; // Linux: nats-server's lame-duck signal.
    private const int SigInt = 2;

    private readonly Process process;
    private readonly StreamWriter log;

    public string Name { get; }
    public string LogPath { get; }
    public int Pid => process.Id;
    public bool HasExited => process.HasExited;

    private NatsServerProcess(string name, Process process, string logPath, StreamWriter log)
    {
        Name = name;
        this.process = process;
        LogPath = logPath;
        this.log = log;
    }

    public static NatsServerProcess Start(string name, string configFile, string logPath, IReadOnlyDictionary<string, string> environment)
    {
        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var start = new ProcessStartInfo(NatsServerBinary.Path)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(configFile);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!process.Start()) throw new InvalidOperationException($"could not start nats-server for {name}");
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new NatsServerProcess(name, process, logPath, log);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            try { log.WriteLine(line); } catch (ObjectDisposedException) { }
        }
    }

    /// <summary>SIGKILL: a crash, no goodbye to peers or clients.</summary>
    public void KillHard()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: false);
        process.WaitForExit(10_000);
    }

    /// <summary>SIGUSR2: lame-duck mode; the server moves its clients off and exits on its own.</summary>
    public void EnterLameDuck()
    {
        if (Kill(process.Id, SigUsr2) != 0) throw new InvalidOperationException($"kill -USR2 {process.Id} ({Name}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>SIGINT: a clean shutdown, what lame-duck mode ends with. (nats-server ignores SIGTERM while in lame duck.)</summary>
    public void Stop()
    {
        if (!process.HasExited && Kill(process.Id, SigInt) != 0) throw new InvalidOperationException($"kill -INT {process.Id} ({Name}) failed: errno {Marshal.GetLastPInvokeError()}");
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

    public string Tail(int lines = 30)
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

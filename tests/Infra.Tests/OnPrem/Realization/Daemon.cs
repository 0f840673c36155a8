using System.Diagnostics;

namespace Infra.Tests.OnPrem.Realization;

/// <summary>A long-running server process whose output goes to a log file, killed on dispose.</summary>
internal sealed class Daemon : IDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    public string Name { get; }
    public string LogPath { get; }
    public int Pid => process.Id;
    public bool HasExited => process.HasExited;

    private Daemon(string name, Process process, string logPath, StreamWriter log)
    {
        Name = name;
        this.process = process;
        LogPath = logPath;
        this.log = log;
    }

    public static Daemon Start(string name, IReadOnlyList<string> command, string logPath, bool asServiceUser)
    {
        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = new Process { StartInfo = ToolProcess.StartInfo(command, asServiceUser) };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!process.Start()) throw new InvalidOperationException($"Could not start {name}: {string.Join(' ', command)}");
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Daemon(name, process, logPath, log);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            try { log.WriteLine(line); } catch (ObjectDisposedException) { }
        }
    }

    /// <summary>SIGKILL the process alone (a crash), leaving its children as they are.</summary>
    public void KillHard()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: false);
        process.WaitForExit(10_000);
    }

    public string Tail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var all = new StreamReader(stream).ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
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
}

using System.Diagnostics;

namespace Infra.Benchmarks;

/// <summary>The whole-process cost of one compiler call, as Pulumi pays it.</summary>
public static class CompilerCall
{
    /// <summary>The first call builds the tool (./infra publishes it once); it is not timed.</summary>
    public static void EnsureBuilt(string root) => Time(root, "--help");

    /// <param name="project">The project folder the call runs in (Pulumi runs the compiler there); the repository by default.</param>
    public static double Time(string workingDirectory, string args, string? project = null)
    {
        var start = new ProcessStartInfo(Path.Combine(workingDirectory, "infra"), args)
        {
            WorkingDirectory = project ?? workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("PULUMI_STACK");
        start.Environment.Remove("PULUMI_CONFIG");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"infra {args} failed: {process.StandardError.ReadToEnd()}");
        return clock.Elapsed.TotalMilliseconds;
    }
}

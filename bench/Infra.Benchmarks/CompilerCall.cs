using System.Diagnostics;

namespace Infra.Benchmarks;

/// <summary>The whole-process cost of one compiler call, as Pulumi pays it.</summary>
public static class CompilerCall
{
    public static double Time(string dll, string workingDirectory, string args)
    {
        var start = new ProcessStartInfo("dotnet", $"{dll} {args}")
        {
            WorkingDirectory = workingDirectory,
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

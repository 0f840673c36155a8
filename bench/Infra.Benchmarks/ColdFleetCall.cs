using System.Diagnostics;

namespace Infra.Benchmarks;

/// <summary>
/// A whole-process synthesis of a large dc9 fleet. No stack config can ask for 900 servers (the
/// static address plan holds 12 per Service), so a copy of this benchmark stands in for the
/// compiler call: published like ./infra (ReadyToRun) into .build/bench, started fresh under the
/// compiler's GC settings, synthesizing the fleet once and exiting.
/// </summary>
public static class ColdFleetCall
{
    public static void EnsurePublished(string root)
    {
        var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(root, "bench", "Infra.Benchmarks", "Infra.Benchmarks.csproj"), "-c", "Release",
             "--use-current-runtime", "--self-contained", "false", "-p:PublishReadyToRun=true",
             "-o", Path.Combine(root, ".build", "bench"), "--nologo", "-v", "quiet"])
        { UseShellExecute = false, RedirectStandardOutput = true })!;
        publish.StandardOutput.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0) throw new InvalidOperationException("publishing the benchmark for the cold fleet calls failed");
    }

    public static double Time(string root, int servers)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(root, ".build", "bench", "Infra.Benchmarks.dll"));
        start.ArgumentList.Add("--cold-fleet");
        start.ArgumentList.Add(servers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment[CompilerGcSettings.Variable] = CompilerGcSettings.Value;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"the cold {servers}-server synthesis failed");
        return clock.Elapsed.TotalMilliseconds;
    }
}

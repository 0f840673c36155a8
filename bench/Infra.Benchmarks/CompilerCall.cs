using System.Diagnostics;

namespace Infra.Benchmarks;

/// <summary>The whole-process cost of one compiler call, as Pulumi pays it: <c>./infra ARGS</c>, launcher included.</summary>
public static class CompilerCall
{
    /// <summary>
    /// The first call builds the tool (./infra publishes it once); it is not timed. True when ./infra
    /// runs the native build (the toolchain exists and the build succeeded).
    /// </summary>
    public static bool EnsureBuilt(string root)
    {
        Run(root, "--help", native: false);
        Run(root, "--help", native: true);
        return File.Exists(Path.Combine(root, ".build", "infra-native", "infra")) && !File.Exists(Path.Combine(root, ".build", "infra-native.failed"));
    }

    /// <param name="native">False sets INFRA_NATIVE=0: ./infra runs the ReadyToRun build.</param>
    /// <param name="project">The project folder the call runs in (Pulumi runs the compiler there); the repository by default.</param>
    public static (double Ms, string Stdout) Run(string workingDirectory, string args, bool native, string? project = null)
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
        start.Environment.Remove(CompilerGcSettings.Variable); // ./infra sets it, as for Pulumi's calls
        if (!native) start.Environment["INFRA_NATIVE"] = "0";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"infra {args} failed: {stderr.Result}");
        return (clock.Elapsed.TotalMilliseconds, stdout);
    }
}

using System.Diagnostics;

namespace Infra.Benchmarks;

/// <summary>
/// The GC setting cli/launcher.sh exports for the ReadyToRun compiler (DOTNET_GCgen0size). The runtime reads it only
/// at start-up, so the benchmark relaunches itself with it to measure what Pulumi's calls get. The native builds carry
/// the same budget built in (an IlcArg in their project files), since NativeAOT does not read this "0x" form.
/// </summary>
public static class CompilerGcSettings
{
    public const string Variable = "DOTNET_GCgen0size";
    public const string Value = "0x8000000"; // keep equal to the default in ./infra

    /// <summary>Null when already running with the setting; otherwise the relaunched run's exit code.</summary>
    public static int? Relaunch(string[] args)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null) return null;
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(CompilerGcSettings).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[Variable] = Value;
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}

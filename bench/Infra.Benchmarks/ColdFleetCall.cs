using System.Diagnostics;

namespace Infra.Benchmarks;

/// <summary>
/// A whole-process synthesis of a large dc9 fleet. No stack config can ask for 900 servers (the
/// static address plan holds 12 per Service), so bench/Infra.FleetCall stands in for the compiler
/// call: published as ./infra publishes the compiler (NativeAOT into .build/fleet-call-native, and
/// ReadyToRun into .build/fleet-call), started fresh under the compiler's GC settings, writing the
/// fleet's program to stdout once and exiting.
/// </summary>
public static class ColdFleetCall
{
    private static string Output(string root, bool native) => Path.Combine(root, ".build", native ? "fleet-call-native" : "fleet-call");

    /// <summary>False when the native build is not possible here (no toolchain) or failed.</summary>
    public static bool EnsurePublished(string root, bool native)
    {
        var arguments = new List<string>
        {
            "publish", Path.Combine(root, "bench", "Infra.FleetCall", "Infra.FleetCall.csproj"), "-c", "Release",
            "--use-current-runtime", "-o", Output(root, native), "--nologo", "-v", "quiet",
            "--artifacts-path", Path.Combine(root, ".build", native ? "obj-native" : "obj-r2r"),
        };
        arguments.AddRange(native ? ["-p:PublishAot=true"] : ["--self-contained", "false", "-p:PublishReadyToRun=true"]);
        var publish = Process.Start(new ProcessStartInfo("dotnet", arguments) { UseShellExecute = false, RedirectStandardOutput = true })!;
        publish.StandardOutput.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode == 0) return true;
        if (native) return false;
        throw new InvalidOperationException("publishing the fleet call (ReadyToRun) failed");
    }

    public static (double Ms, string Stdout) Run(string root, int servers, bool native)
    {
        var start = native
            ? new ProcessStartInfo(Path.Combine(Output(root, true), "fleet-call"))
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(Output(root, false), "fleet-call.dll") } };
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.ArgumentList.Add(root);
        start.ArgumentList.Add(servers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment[CompilerGcSettings.Variable] = CompilerGcSettings.Value;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"the cold {servers}-server synthesis failed");
        return (clock.Elapsed.TotalMilliseconds, stdout);
    }
}

using System.Diagnostics;

namespace Infra.Nats.Tests.Loopback;

/// <summary>The real nats-server (Debian package). Missing, it fails the test with the install line, never skips it.</summary>
internal static class NatsServerBinary
{
    public const string InstallHint = "apt-get update && apt-get install -y nats-server";

    public static string Path
    {
        get
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = System.IO.Path.Combine(dir, "nats-server");
                if (File.Exists(candidate)) return candidate;
            }
            throw new InvalidOperationException($"nats-server is not installed, so the generated configuration cannot be started. Install it with: {InstallHint}");
        }
    }

    public sealed record Result(int ExitCode, string Output);

    /// <summary><c>nats-server -t -c FILE</c>: parses the file and checks the options exactly as a start would, then exits.</summary>
    public static Result Check(string configFile, IReadOnlyDictionary<string, string> environment) => Run(environment, "-t", "-c", configFile);

    public static Result Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"nats-server {string.Join(' ', arguments)} did not finish within 30 s.");
        }
        return new Result(process.ExitCode, stdout.Result + stderr);
    }
}

using System.Diagnostics;

namespace Infra.Tests.Dc9;

/// <summary>
/// Runs a real validator (cloud-init, systemd-analyze). A missing tool fails the test with the
/// install line, never skips it: these tests are the evidence that the generated files work.
/// </summary>
internal static class RealTool
{
    public const string InstallHint = "apt-get update && apt-get install -y cloud-init systemd";

    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string Both => $"exit {ExitCode}\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
    }

    public static string Require(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"'{tool}' is not installed, so the generated files cannot be validated. Install it with: {InstallHint}");
        return "";
    }

    public static Result Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} {string.Join(' ', arguments)} did not finish within 60 s.");
        }
        return new Result(process.ExitCode, stdout.Result, stderr);
    }
}

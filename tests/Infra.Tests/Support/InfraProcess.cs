using System.Diagnostics;

namespace Infra.Tests.Support;

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the built <c>infra</c> tool as a separate process, the way Pulumi or a person does.</summary>
public static class InfraProcess
{
    /// <param name="env">Variables to set; every PULUMI_* variable of the test runner is removed first.</param>
    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepoPaths.InfraDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in env ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(true);
            throw new TimeoutException($"infra {string.Join(' ', args)} did not finish in 60 s.");
        }
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

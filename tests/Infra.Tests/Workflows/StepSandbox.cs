using System.Diagnostics;

namespace Infra.Tests.Workflows;

/// <summary>What a step did: exit code, output, and the files GitHub would read afterwards.</summary>
public sealed record StepResult(int ExitCode, string Stdout, string Stderr, IReadOnlyDictionary<string, string> Outputs, string Summary, string WorkDir)
{
    public string Log => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}\n--- summary\n{Summary}";
}

/// <summary>
/// Runs a workflow step's <c>run:</c> block as GitHub's <c>shell: bash</c> does (bash --noprofile --norc -eo pipefail),
/// in a scratch folder, with stub commands in front of PATH (<c>./infra</c> in the folder, like the launcher;
/// <c>pulumi</c>, <c>gh</c> on PATH) and the step's env, where every <c>${{ }}</c> value is what the test says
/// (empty unless given, as GitHub gives an unset variable or secret).
/// </summary>
public sealed class StepSandbox : IDisposable
{
    private readonly string bin;

    public StepSandbox()
    {
        WorkDir = Directory.CreateTempSubdirectory("infra-step-").FullName;
        bin = Path.Combine(WorkDir, ".stub-bin");
        Directory.CreateDirectory(bin);
    }

    public string WorkDir { get; }

    /// <summary>A stub command; <paramref name="body"/> is bash, with the arguments in "$@".</summary>
    public StepSandbox Stub(string command, string body)
    {
        var path = command == "infra" ? Path.Combine(WorkDir, "infra") : Path.Combine(bin, command);
        File.WriteAllText(path, "#!/usr/bin/env bash\nset -euo pipefail\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return this;
    }

    public StepSandbox WithFile(string name, string content)
    {
        System.IO.File.WriteAllText(Path.Combine(WorkDir, name), content);
        return this;
    }

    public StepResult Run(WorkflowStep step, Dictionary<string, string>? values = null)
    {
        Assert.NotNull(step.Run);
        var script = Path.Combine(WorkDir, ".step.sh");
        System.IO.File.WriteAllText(script, step.Run);
        var output = Path.Combine(WorkDir, ".github_output");
        var summary = Path.Combine(WorkDir, ".github_step_summary");
        System.IO.File.WriteAllText(output, "");
        System.IO.File.WriteAllText(summary, "");

        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = WorkDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--noprofile", "--norc", "-eo", "pipefail", script }) start.ArgumentList.Add(argument);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal) || k.StartsWith("GITHUB_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in step.Env)
            start.Environment[key] = values?.GetValueOrDefault(key) ?? (value.Contains("${{", StringComparison.Ordinal) ? "" : value);
        foreach (var (key, value) in values ?? new Dictionary<string, string>()) start.Environment[key] = value;
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["GITHUB_OUTPUT"] = output;
        start.Environment["GITHUB_STEP_SUMMARY"] = summary;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(true);
            throw new TimeoutException($"{step.Label} did not finish in 60 s.");
        }
        return new StepResult(process.ExitCode, stdout.Result, stderr.Result, ReadOutputs(output), System.IO.File.ReadAllText(summary), WorkDir);
    }

    private static Dictionary<string, string> ReadOutputs(string path)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in System.IO.File.ReadAllLines(path))
        {
            var equals = line.IndexOf('=');
            if (equals > 0) outputs[line[..equals]] = line[(equals + 1)..];
        }
        return outputs;
    }

    public void Dispose() => Directory.Delete(WorkDir, recursive: true);
}

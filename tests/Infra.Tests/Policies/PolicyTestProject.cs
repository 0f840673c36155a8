using System.Diagnostics;

namespace Infra.Tests.Policies;

/// <summary>A throw-away Pulumi project (the repository's Pulumi.yaml plus given stack files) for policy tests.</summary>
public sealed class PolicyTestProject : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("infra-policy-test-").FullName;

    public static string RepoRoot { get; } = FindRepoRoot();

    public PolicyTestProject(params (string Stack, string Yaml)[] stacks)
    {
        File.Copy(Path.Combine(RepoRoot, "Pulumi.yaml"), Path.Combine(Root, "Pulumi.yaml"));
        foreach (var (stack, yaml) in stacks) File.WriteAllText(Path.Combine(Root, $"Pulumi.{stack}.yaml"), yaml);
    }

    public Infra.Stacks.ProjectDirectory Project => new(Root);

    /// <summary>Runs the built infra tool here, as Pulumi runs its compiler: only the given PULUMI_* variables are set.</summary>
    public (int ExitCode, string Stdout, string Stderr) Run(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "infra.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in env) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(true);
            throw new TimeoutException($"infra {string.Join(' ', args)} did not finish in 60 s.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Infra.sln"))) return dir.FullName;
        throw new InvalidOperationException("No Infra.sln above the test assembly.");
    }
}

using System.Diagnostics;

namespace Infra.Tests.Operations;

/// <summary>Every GitHub Actions workflow passes a real schema validator (@action-validator/cli from npm).</summary>
public class WorkflowValidationTests
{
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Infra.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No Infra.sln above {AppContext.BaseDirectory}.");
    }

    private static string Validator(string root)
    {
        var path = Environment.GetEnvironmentVariable("ACTION_VALIDATOR")
                   ?? Path.Combine(root, ".build", "npm-tools", "node_modules", ".bin", "action-validator");
        Assert.True(File.Exists(path),
            $"The workflow validator is missing at {path}. Install it with `bash .ci/install-npm-tools.sh` " +
            "(needs Node.js and npm), or point ACTION_VALIDATOR at an action-validator executable.");
        return path;
    }

    private static List<string> WorkflowNames() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot(), ".github", "workflows"), "*.yml")
            .Select(file => Path.GetFileName(file))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> Workflows() => new(WorkflowNames());

    [Fact]
    public void The_three_operations_workflows_exist()
    {
        var names = WorkflowNames();
        Assert.Contains("pull-request.yml", names);
        Assert.Contains("dev-schedule.yml", names);
        Assert.Contains("deploy-main.yml", names);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_passes_the_validator(string workflow)
    {
        var root = RepositoryRoot();
        var (code, output) = Run(Validator(root), Path.Combine(root, ".github", "workflows", workflow));
        Assert.True(code == 0, $"action-validator rejected {workflow} (exit code {code}):\n{output}");
    }

    [Fact]
    public void The_validator_really_rejects_a_broken_workflow()
    {
        var root = RepositoryRoot();
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        File.WriteAllText(broken, "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo hi\n");
        try
        {
            var (code, output) = Run(Validator(root), broken);
            Assert.NotEqual(0, code);
            Assert.Contains("stepz", output);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static (int Code, string Output) Run(string executable, string argument)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}

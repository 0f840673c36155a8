using System.Diagnostics;

namespace Infra.Tests.Workflows;

/// <summary>Debian's shellcheck on every <c>run:</c> block of every workflow, and on the CI scripts and the launcher.</summary>
public class ShellcheckTests
{
    public static TheoryData<string, string> RunBlocks()
    {
        var data = new TheoryData<string, string>();
        foreach (var step in WorkflowFile.All().SelectMany(w => w.AllSteps()).Where(s => s.Run is not null))
            data.Add(step.Label, step.Run!);
        return data;
    }

    public static TheoryData<string> Scripts() => new(".ci/run", ".ci/setup-debian.sh", ".ci/install-npm-tools.sh", "infra", "cli/launcher.sh");

    private static string Shellcheck()
    {
        Assert.True(File.Exists("/usr/bin/shellcheck"),
            "shellcheck is not installed: it is in .ci/setup-debian.sh's list (apt-get install shellcheck).");
        return "/usr/bin/shellcheck";
    }

    [Theory]
    [MemberData(nameof(RunBlocks))]
    public void Run_block_passes_shellcheck(string label, string script)
    {
        // GitHub runs `shell: bash` as `bash --noprofile --norc -eo pipefail`.
        var (code, output) = Check("-", "#!/usr/bin/env bash\nset -eo pipefail\n" + script);
        Assert.True(code == 0, $"shellcheck found problems in {label}:\n{output}");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_passes_shellcheck(string path)
    {
        var (code, output) = Check(Path.Combine(Support.RepoPaths.Root, path), null);
        Assert.True(code == 0, $"shellcheck found problems in {path}:\n{output}");
    }

    [Fact]
    public void Shellcheck_really_flags_a_problem()
    {
        var (code, output) = Check("-", "#!/usr/bin/env bash\nfor f in $(ls *.yaml); do echo $f; done\n");
        Assert.NotEqual(0, code);
        Assert.Contains("SC2045", output);
    }

    private static (int Code, string Output) Check(string path, string? stdin)
    {
        var start = new ProcessStartInfo(Shellcheck())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--shell=bash", "--severity=style", "--external-sources", path }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}

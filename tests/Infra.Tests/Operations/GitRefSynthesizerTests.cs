using Infra.Operations.Deploy;
using Infra.Operations.Diff;

namespace Infra.Tests.Operations;

/// <summary>
/// The base programs come from a real git worktree of the ref; only the .NET build and the old CLI's
/// synth are stood in for (a build per test would take minutes).
/// </summary>
public sealed class GitRefSynthesizerTests : IDisposable
{
    private readonly string repository = Directory.CreateTempSubdirectory("infra-git-test-").FullName;

    public void Dispose() => Directory.Delete(repository, recursive: true);
    private readonly SystemProcessRunner git = new();

    private async Task Git(params string[] args)
    {
        var result = await git.RunAsync(new ProcessSpec("git", args, repository, new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "test", ["GIT_AUTHOR_EMAIL"] = "test@example.invalid",
            ["GIT_COMMITTER_NAME"] = "test", ["GIT_COMMITTER_EMAIL"] = "test@example.invalid",
        }));
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)}: {result.StandardError}");
    }

    /// <summary>Real git; `dotnet synth` answers with the program file as it is in the checked-out folder.</summary>
    private sealed class GitAndFakeDotnet(IProcessRunner real) : IProcessRunner
    {
        public List<ProcessSpec> Calls { get; } = [];

        public Task<ProcessResult> RunAsync(ProcessSpec spec, Action<string>? onOutputLine = null, Action<string>? onErrorLine = null, CancellationToken cancellationToken = default)
        {
            Calls.Add(spec);
            if (spec.FileName == "git") return real.RunAsync(spec, onOutputLine, onErrorLine, cancellationToken);
            if (spec.Arguments[0] == "build") return Task.FromResult(new ProcessResult(0, "", ""));
            var stack = spec.Arguments[2];
            var file = Path.Combine(spec.WorkingDirectory, $"program-{stack}.yaml");
            return Task.FromResult(File.Exists(file)
                ? new ProcessResult(0, File.ReadAllText(file), "")
                : new ProcessResult(1, "", $"unknown stack {stack}\n"));
        }
    }

    [Fact]
    public async Task Builds_and_synthesizes_in_a_worktree_of_the_ref_and_removes_it()
    {
        await Git("init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(repository, "program-dc9.yaml"), "resources: {}\n# at main\n");
        await Git("add", "-A");
        await Git("commit", "-qm", "base");
        File.WriteAllText(Path.Combine(repository, "program-dc9.yaml"), "resources: {}\n# working tree\n");

        var runner = new GitAndFakeDotnet(git);
        var programs = await new GitRefSynthesizer(runner, TextWriter.Null).SynthesizeAsync(repository, "main", ["dc9"]);

        Assert.Equal("resources: {}\n# at main\n", programs.Programs["dc9"]);
        Assert.Empty(programs.Failures);
        var checkout = runner.Calls[1].Arguments[3];
        Assert.Equal($"git worktree add --detach {checkout} main", runner.Calls[1].CommandLine);
        Assert.Equal($"dotnet build cli -c Release -o {Path.Combine(checkout, ".build", "infra")} --nologo -v quiet", runner.Calls[2].CommandLine);
        Assert.Equal($"dotnet {Path.Combine(checkout, ".build", "infra", "infra.dll")} synth dc9", runner.Calls[3].CommandLine);
        Assert.Equal(checkout, runner.Calls[3].WorkingDirectory);
        Assert.Equal($"git worktree remove --force {checkout}", runner.Calls[4].CommandLine);
        Assert.False(Directory.Exists(checkout));
    }

    [Fact]
    public async Task An_unknown_ref_says_how_to_fetch_it()
    {
        await Git("init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(repository, "a.txt"), "a");
        await Git("add", "-A");
        await Git("commit", "-qm", "base");
        var error = await Assert.ThrowsAsync<BaseProgramException>(() =>
            new GitRefSynthesizer(new GitAndFakeDotnet(git), TextWriter.Null).SynthesizeAsync(repository, "origin/nope", ["dc9"]));
        Assert.Contains("--base origin/nope: git could not check out that ref", error.Message);
        Assert.Contains("fetch-depth: 0", error.Message);
    }

    [Fact]
    public async Task A_stack_the_base_cannot_synthesize_is_listed_with_its_error()
    {
        await Git("init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(repository, "program-dc9.yaml"), "resources: {}\n");
        await Git("add", "-A");
        await Git("commit", "-qm", "base");
        var programs = await new GitRefSynthesizer(new GitAndFakeDotnet(git), TextWriter.Null).SynthesizeAsync(repository, "main", ["dc9", "global"]);
        Assert.Equal(["dc9"], programs.Programs.Keys);
        Assert.Equal("`infra synth global` failed at main (exit code 1): unknown stack global", programs.Failures["global"]);
    }
}

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

    /// <summary>Real git; `dotnet build` only creates the dll; `dotnet synth` answers with the base's stack file as given to it.</summary>
    private sealed class GitAndFakeDotnet(IProcessRunner real) : IProcessRunner
    {
        public List<ProcessSpec> Calls { get; } = [];

        public Task<ProcessResult> RunAsync(ProcessSpec spec, Action<string>? onOutputLine = null, Action<string>? onErrorLine = null, CancellationToken cancellationToken = default)
        {
            lock (Calls) Calls.Add(spec);
            if (spec.FileName == "git") return real.RunAsync(spec, onOutputLine, onErrorLine, cancellationToken);
            if (spec.Arguments[0] == "publish")
            {
                var output = spec.Arguments[spec.Arguments.ToList().IndexOf("-o") + 1];
                Directory.CreateDirectory(output);
                File.WriteAllText(Path.Combine(output, "infra.dll"), "");
                return Task.FromResult(new ProcessResult(0, "", ""));
            }
            var stack = spec.Arguments[2];
            var file = Path.Combine(spec.WorkingDirectory, $"Pulumi.{stack}.yaml");
            return Task.FromResult(File.Exists(file)
                ? new ProcessResult(0, File.ReadAllText(file), "")
                : new ProcessResult(1, "", $"unknown stack {stack}\n"));
        }

        public IEnumerable<string> Dotnet => Calls.Where(c => c.FileName == "dotnet").Select(c => c.Arguments[0] == "publish" ? "publish" : "synth " + c.Arguments[2]);
    }

    /// <summary>The synthesizer of the running CLI: answers with the stack file it is given, marked.</summary>
    private sealed class RunningCli : Infra.Operations.ISynthesizer
    {
        public int Calls { get; private set; }

        public string Synthesize(string projectRoot, string stack)
        {
            Calls++;
            return "in-process: " + File.ReadAllText(Path.Combine(projectRoot, $"Pulumi.{stack}.yaml"));
        }
    }

    private string Cache => Path.Combine(repository, ".build", "base-cli");

    private async Task<string> Commit(string message)
    {
        await Git("add", "-A");
        await Git("commit", "-qm", message);
        var head = await git.RunAsync(new ProcessSpec("git", ["rev-parse", "HEAD"], repository, new Dictionary<string, string>()));
        return head.StandardOutput.Trim();
    }

    private async Task<string> BaseWithCode()
    {
        await Git("init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(repository, ".gitignore"), ".build/\n");
        File.WriteAllText(Path.Combine(repository, "Pulumi.yaml"), "name: infra\n");
        File.WriteAllText(Path.Combine(repository, "Pulumi.dc9.yaml"), "resources: {}\n# at main\n");
        Directory.CreateDirectory(Path.Combine(repository, "cli"));
        File.WriteAllText(Path.Combine(repository, "cli", "Program.cs"), "// v1\n");
        return await Commit("base");
    }

    [Fact]
    public async Task A_base_with_other_code_is_built_once_per_commit_and_reused_from_the_cache()
    {
        var commit = await BaseWithCode();
        File.WriteAllText(Path.Combine(repository, "cli", "Program.cs"), "// v2: the pull request changes code\n");
        File.WriteAllText(Path.Combine(repository, "Pulumi.dc9.yaml"), "resources: {}\n# working tree\n");

        var runner = new GitAndFakeDotnet(git);
        var synthesizer = new GitRefSynthesizer(runner, TextWriter.Null, new RunningCli());
        var programs = await synthesizer.SynthesizeAsync(repository, "main", ["dc9"]);
        Assert.Equal("built", synthesizer.LastPath);
        Assert.Equal("resources: {}\n# at main\n", programs.Programs["dc9"]);  // the base's stack file, through the base's CLI
        Assert.Empty(programs.Failures);
        var cli = Path.Combine(Cache, commit, "infra.dll");
        Assert.True(File.Exists(cli));
        var worktree = Assert.Single(runner.Calls, c => c.CommandLine.StartsWith("git worktree add", StringComparison.Ordinal));
        Assert.Equal($"git worktree add --detach {worktree.Arguments[3]} {commit}", worktree.CommandLine);
        Assert.Contains(runner.Calls, c => c.CommandLine == $"git worktree remove --force {worktree.Arguments[3]}");
        Assert.False(Directory.Exists(worktree.Arguments[3]));
        Assert.Contains(runner.Calls, c => c.CommandLine == $"dotnet {cli} synth dc9");

        // The second diff against the same commit builds nothing, checks nothing out and starts no CLI: the
        // programs the commit's CLI printed are kept beside it.
        Assert.Equal("resources: {}\n# at main\n", File.ReadAllText(Path.Combine(Cache, commit, "programs", "dc9.yaml")));
        var again = new GitAndFakeDotnet(git);
        var cached = new GitRefSynthesizer(again, TextWriter.Null, new RunningCli());
        Assert.Equal("resources: {}\n# at main\n", (await cached.SynthesizeAsync(repository, "main", ["dc9"])).Programs["dc9"]);
        Assert.Equal("cached programs", cached.LastPath);
        Assert.Empty(again.Dotnet);
        Assert.DoesNotContain(again.Calls, c => c.CommandLine.StartsWith("git worktree", StringComparison.Ordinal) || c.CommandLine.StartsWith("git show", StringComparison.Ordinal));

        // A stack not kept yet (one the base cannot synthesize is never kept) runs the cached CLI again.
        var more = new GitAndFakeDotnet(git);
        var partly = new GitRefSynthesizer(more, TextWriter.Null, new RunningCli());
        var both = await partly.SynthesizeAsync(repository, "main", ["dc9", "global"]);
        Assert.Equal("cached", partly.LastPath);
        Assert.Equal(["synth dc9", "synth global"], more.Dotnet.Order(StringComparer.Ordinal));
        Assert.Contains("global", both.Failures.Keys);
        Assert.False(File.Exists(Path.Combine(Cache, commit, "programs", "global.yaml")));
    }

    [Fact]
    public async Task A_base_whose_code_is_unchanged_is_synthesized_by_the_running_cli()
    {
        await BaseWithCode();
        File.WriteAllText(Path.Combine(repository, "Pulumi.dc9.yaml"), "resources: {}\n# working tree\n");  // config only
        File.WriteAllText(Path.Combine(repository, "NOTES.md"), "docs change too\n");

        var runner = new GitAndFakeDotnet(git);
        var running = new RunningCli();
        var synthesizer = new GitRefSynthesizer(runner, TextWriter.Null, running);
        var programs = await synthesizer.SynthesizeAsync(repository, "main", ["dc9"]);
        Assert.Equal("in-process", synthesizer.LastPath);
        Assert.Equal("in-process: resources: {}\n# at main\n", programs.Programs["dc9"]);
        Assert.Empty(runner.Dotnet);
        Assert.False(Directory.Exists(Cache));

        // An untracked C# file is a code change: the base's own CLI is needed again.
        File.WriteAllText(Path.Combine(repository, "cli", "New.cs"), "// new\n");
        var withCode = new GitRefSynthesizer(new GitAndFakeDotnet(git), TextWriter.Null, new RunningCli());
        await withCode.SynthesizeAsync(repository, "main", ["dc9"]);
        Assert.Equal("built", withCode.LastPath);
    }

    [Theory]
    [InlineData("Pulumi.dc9.yaml", false)]
    [InlineData("Pulumi.yaml", false)]
    [InlineData("README.md", false)]
    [InlineData("stacks/dc9/README.md", false)]
    [InlineData("tests/Infra.Tests/Snapshots/dc9.yaml", false)]
    [InlineData(".github/workflows/pull-request.yml", false)]
    [InlineData("docs/dc9.png", false)]
    [InlineData("stacks/dc9/Dc9Tier.cs", true)]
    [InlineData("operations/Cost/prices.yaml", true)]
    [InlineData("Directory.Packages.props", true)]
    [InlineData("components/Providers/Schemas/aws.json", true)]
    public void What_counts_as_code(string path, bool code) => Assert.Equal(code, GitRefSynthesizer.IsCode(path));

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
        await BaseWithCode();
        File.WriteAllText(Path.Combine(repository, "cli", "Program.cs"), "// v2\n");
        var programs = await new GitRefSynthesizer(new GitAndFakeDotnet(git), TextWriter.Null).SynthesizeAsync(repository, "main", ["dc9", "global"]);
        Assert.Equal(["dc9"], programs.Programs.Keys);
        Assert.Equal("`infra synth global` failed at main (exit code 1): unknown stack global", programs.Failures["global"]);
    }
}

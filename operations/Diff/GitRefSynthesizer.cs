using Infra.Operations.Deploy;

namespace Infra.Operations.Diff;

/// <summary>
/// Synthesizes stacks as they were at a git ref, with that revision's own code (not today's): that is what
/// makes the diff show exactly what the pull request changes. Three ways, fastest first:
/// <list type="number">
/// <item>the base's code is the working tree's (only stack files, docs, tests or workflows differ): the
///   running CLI synthesizes the base's stack files in-process (<see cref="ISynthesizer"/>);</item>
/// <item>the base commit's CLI was built before: it is reused from the cache (<c>.build/base-cli/COMMIT</c>);</item>
/// <item>otherwise the commit is checked out with <c>git worktree add</c>, its CLI built into the cache, the worktree removed.</item>
/// </list>
/// The old CLI runs in a folder holding the base's <c>Pulumi.yaml</c> and <c>Pulumi.*.yaml</c>, the only files synthesis reads.
/// Its programs are kept beside it (<c>.build/base-cli/COMMIT/programs</c>): code and stack files both come from the
/// commit and synthesis is deterministic, so the next diff against that commit (the next push to a pull request, or
/// the diagram after the diff) starts no process for the base at all.
/// </summary>
public sealed class GitRefSynthesizer(IProcessRunner runner, TextWriter log, ISynthesizer? current = null, string? cacheRoot = null)
{
    /// <summary>Base CLIs kept in the cache; older ones (by last use) are deleted.</summary>
    private const int CachedBuilds = 8;

    /// <summary>How the last call got the base programs: "in-process", "cached" or "built" (for the benchmark and tests).</summary>
    public string? LastPath { get; private set; }

    /// <returns>The base program of each stack; a stack the base cannot synthesize (e.g. a tier the pull request adds) is listed with its error.</returns>
    /// <exception cref="BaseProgramException">The ref is unknown or its CLI does not build.</exception>
    public async Task<BasePrograms> SynthesizeAsync(
        string projectRoot, string gitRef, IReadOnlyList<string> stacks, CancellationToken cancellationToken = default)
    {
        var top = await Run("git", ["rev-parse", "--show-toplevel", "--show-prefix"], projectRoot, cancellationToken);
        if (top.ExitCode != 0)
        {
            throw new BaseProgramException(
                $"--base {gitRef}: {projectRoot} is not inside a git repository ({top.StandardError.Trim()}); use --base-file PATH with a saved program instead.");
        }
        // git's own answer for the project's place in the repository: immune to symlinked temp folders.
        var lines = top.StandardOutput.Split('\n');
        var repositoryRoot = lines[0].Trim();
        var projectInRepository = lines.Length > 1 ? lines[1].Trim().TrimEnd('/') : "";

        var resolved = await Run("git", ["rev-parse", "--verify", "--quiet", gitRef + "^{commit}"], repositoryRoot, cancellationToken);
        if (resolved.ExitCode != 0)
        {
            throw new BaseProgramException(
                $"--base {gitRef}: git could not check out that ref (git does not know it). " +
                "Check the name, and fetch it first in shallow CI clones (git fetch origin main, or actions/checkout with fetch-depth: 0).");
        }
        var commit = resolved.StandardOutput.Trim();
        var cache = Path.GetFullPath(cacheRoot ?? Path.Combine(repositoryRoot, ".build", "base-cli"));
        var cli = Path.Combine(cache, commit, "infra.dll");
        var kept = new ProgramCache(Path.Combine(cache, commit, "programs"));
        if (File.Exists(cli) && kept.Read(stacks) is { } known)
        {
            LastPath = "cached programs";
            Directory.SetLastWriteTimeUtc(Path.GetDirectoryName(cli)!, DateTime.UtcNow);
            return known;
        }

        var stackFiles = Path.Combine(Path.GetTempPath(), $"infra-base-{Guid.NewGuid():N}");
        try
        {
            await ExtractStackFiles(repositoryRoot, commit, projectInRepository, stackFiles, cancellationToken);
            if (current is not null && await CodeUnchanged(repositoryRoot, commit, cancellationToken))
            {
                LastPath = "in-process";
                log.WriteLine($"The code at {gitRef} is the working tree's: this CLI synthesizes the base's stack files.");
                return InProcess(current, stackFiles, stacks, gitRef);
            }

            if (File.Exists(cli))
            {
                LastPath = "cached";
                Directory.SetLastWriteTimeUtc(Path.GetDirectoryName(cli)!, DateTime.UtcNow);
            }
            else
            {
                LastPath = "built";
                await Build(repositoryRoot, gitRef, commit, projectInRepository, Path.GetDirectoryName(cli)!, cancellationToken);
                Prune(cache);
            }

            var runs = stacks.Select(async stack => (stack, result: await Run("dotnet", [cli, "synth", stack], stackFiles, cancellationToken, SynthEnvironment))).ToList();
            var programs = new Dictionary<string, string>(StringComparer.Ordinal);
            var failures = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (stack, synth) in await Task.WhenAll(runs))
            {
                if (synth.ExitCode == 0) programs[stack] = synth.StandardOutput;
                else failures[stack] = $"`infra synth {stack}` failed at {gitRef} (exit code {synth.ExitCode}): {Tail(synth.StandardError)}";
            }
            kept.Write(programs);
            return new BasePrograms(programs, failures);
        }
        finally
        {
            if (Directory.Exists(stackFiles)) Directory.Delete(stackFiles, recursive: true);
        }
    }

    /// <summary>Paths whose change leaves the CLI as it is: stack files, docs, tests, CI, benchmarks.</summary>
    public static bool IsCode(string path)
    {
        var name = Path.GetFileName(path);
        if (name == "Pulumi.yaml" || (name.StartsWith("Pulumi.", StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal) && !path.Contains('/')))
            return false;
        if (name.EndsWith(".md", StringComparison.Ordinal) || name is ".gitignore" or "LICENSE") return false;
        string[] notCode = ["docs/", "tests/", ".github/", ".ci/", "bench/"];
        return !notCode.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal));
    }

    private async Task<bool> CodeUnchanged(string repositoryRoot, string commit, CancellationToken cancellationToken)
    {
        var tracked = await Run("git", ["diff", "--name-only", commit, "--"], repositoryRoot, cancellationToken);
        var untracked = await Run("git", ["ls-files", "--others", "--exclude-standard"], repositoryRoot, cancellationToken);
        if (tracked.ExitCode != 0 || untracked.ExitCode != 0) return false;
        return (tracked.StandardOutput + "\n" + untracked.StandardOutput)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(path => !IsCode(path));
    }

    private static BasePrograms InProcess(ISynthesizer synthesizer, string stackFiles, IReadOnlyList<string> stacks, string gitRef)
    {
        var programs = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            try
            {
                programs[stack] = synthesizer.Synthesize(stackFiles, stack);
            }
            catch (Exception failure) when (failure is not OperationCanceledException and not OutOfMemoryException)
            {
                failures[stack] = $"`infra synth {stack}` failed at {gitRef}: {failure.Message}";
            }
        }
        return new BasePrograms(programs, failures);
    }

    /// <summary>The base's Pulumi.yaml and stack files, the only files synthesis reads, into <paramref name="folder"/>.</summary>
    private async Task ExtractStackFiles(string repositoryRoot, string commit, string projectInRepository, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var prefix = projectInRepository.Length == 0 ? "" : projectInRepository + "/";
        var listing = await Run("git", ["ls-tree", "--name-only", commit, prefix.Length == 0 ? "." : prefix], repositoryRoot, cancellationToken);
        foreach (var path in listing.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = path[prefix.Length..];
            if (!(name == "Pulumi.yaml" || (name.StartsWith("Pulumi.", StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal)))) continue;
            var file = await Run("git", ["show", $"{commit}:{path}"], repositoryRoot, cancellationToken);
            if (file.ExitCode == 0) await File.WriteAllTextAsync(Path.Combine(folder, name), file.StandardOutput, cancellationToken);
        }
    }

    private async Task Build(string repositoryRoot, string gitRef, string commit, string projectInRepository, string target, CancellationToken cancellationToken)
    {
        var checkout = Path.Combine(Path.GetTempPath(), $"infra-base-{Guid.NewGuid():N}");
        var added = await Run("git", ["worktree", "add", "--detach", checkout, commit], repositoryRoot, cancellationToken);
        if (added.ExitCode != 0)
            throw new BaseProgramException($"--base {gitRef}: git could not check out that ref ({added.StandardError.Trim()}).");
        var staging = target + $".partial-{Guid.NewGuid():N}";
        try
        {
            var baseProject = projectInRepository.Length == 0 ? checkout : Path.Combine(checkout, projectInRepository);
            log.WriteLine($"Building the infra CLI at {gitRef} ({commit[..Math.Min(12, commit.Length)]}) once; later diffs against it reuse the build...");
            // Published as ./infra publishes the compiler: ReadyToRun halves the start-up every later synth pays.
            var build = await Run("dotnet",
                ["publish", Path.Combine("cli", "Infra.Cli.csproj"), "-c", "Release", "--use-current-runtime", "--self-contained", "false",
                 "-p:PublishReadyToRun=true", "-o", staging, "--nologo", "-v", "quiet"], baseProject, cancellationToken);
            if (build.ExitCode != 0)
            {
                throw new BaseProgramException(
                    $"--base {gitRef}: that revision's CLI does not build (dotnet publish cli, exit code {build.ExitCode}):\n{Tail(build.StandardOutput + build.StandardError)}");
            }
            // Complete builds only: a cancelled or failed build never leaves a half-written cache entry.
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!Directory.Exists(target)) Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            await Run("git", ["worktree", "remove", "--force", checkout], repositoryRoot, CancellationToken.None);
            if (Directory.Exists(checkout)) Directory.Delete(checkout, recursive: true);
        }
    }

    private static void Prune(string cache)
    {
        if (!Directory.Exists(cache)) return;
        foreach (var old in new DirectoryInfo(cache).GetDirectories().Where(d => !d.Name.Contains(".partial-", StringComparison.Ordinal))
                     .OrderByDescending(d => d.LastWriteTimeUtc).Skip(CachedBuilds))
            old.Delete(recursive: true);
    }

    /// <summary>The GC budget ./infra gives the compiler: a synthesis finishes without a collection.</summary>
    private static readonly Dictionary<string, string> SynthEnvironment = new() { ["DOTNET_GCgen0size"] = "0x8000000" };

    private Task<ProcessResult> Run(string executable, IReadOnlyList<string> arguments, string folder, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null) =>
        runner.RunAsync(new ProcessSpec(executable, arguments, folder, environment ?? new Dictionary<string, string>()), null, null, cancellationToken);

    private static string Tail(string text)
    {
        var lines = text.Trim().Split('\n');
        return string.Join('\n', lines.TakeLast(20));
    }
}

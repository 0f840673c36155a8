using Infra.Operations.Deploy;

namespace Infra.Operations.Diff;

/// <summary>
/// Synthesizes stacks as they were at a git ref: checks the ref out with <c>git worktree add</c> into a
/// temporary folder, builds that revision's own CLI and runs its <c>infra synth STACK</c>. Using the base's
/// own code (not today's) is what makes the diff show exactly what the pull request changes.
/// </summary>
public sealed class GitRefSynthesizer(IProcessRunner runner, TextWriter log)
{
    /// <returns>The base program of each stack; a stack the base cannot synthesize (e.g. a tier the pull request adds) is listed with its error.</returns>
    /// <exception cref="BaseProgramException">The ref cannot be checked out or its CLI does not build.</exception>
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

        var checkout = Path.Combine(Path.GetTempPath(), $"infra-base-{Guid.NewGuid():N}");
        var added = await Run("git", ["worktree", "add", "--detach", checkout, gitRef], repositoryRoot, cancellationToken);
        if (added.ExitCode != 0)
        {
            throw new BaseProgramException(
                $"--base {gitRef}: git could not check out that ref ({added.StandardError.Trim()}). " +
                "Check the name, and fetch it first in shallow CI clones (git fetch origin main, or actions/checkout with fetch-depth: 0).");
        }

        try
        {
            var baseProject = projectInRepository.Length == 0 ? checkout : Path.Combine(checkout, projectInRepository);
            var buildOutput = Path.Combine(checkout, ".build", "infra");
            log.WriteLine($"Building the infra CLI at {gitRef} to synthesize the base programs...");
            var build = await Run("dotnet", ["build", "cli", "-c", "Release", "-o", buildOutput, "--nologo", "-v", "quiet"], baseProject, cancellationToken);
            if (build.ExitCode != 0)
            {
                throw new BaseProgramException(
                    $"--base {gitRef}: that revision's CLI does not build (dotnet build cli, exit code {build.ExitCode}):\n{Tail(build.StandardOutput + build.StandardError)}");
            }

            var programs = new Dictionary<string, string>(StringComparer.Ordinal);
            var failures = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var stack in stacks)
            {
                var synth = await Run("dotnet", [Path.Combine(buildOutput, "infra.dll"), "synth", stack], baseProject, cancellationToken);
                if (synth.ExitCode == 0) programs[stack] = synth.StandardOutput;
                else failures[stack] = $"`infra synth {stack}` failed at {gitRef} (exit code {synth.ExitCode}): {Tail(synth.StandardError)}";
            }
            return new BasePrograms(programs, failures);
        }
        finally
        {
            await Run("git", ["worktree", "remove", "--force", checkout], repositoryRoot, CancellationToken.None);
            if (Directory.Exists(checkout)) Directory.Delete(checkout, recursive: true);
        }
    }

    private Task<ProcessResult> Run(string executable, IReadOnlyList<string> arguments, string folder, CancellationToken cancellationToken) =>
        runner.RunAsync(new ProcessSpec(executable, arguments, folder, new Dictionary<string, string>()), null, null, cancellationToken);

    private static string Tail(string text)
    {
        var lines = text.Trim().Split('\n');
        return string.Join('\n', lines.TakeLast(20));
    }
}

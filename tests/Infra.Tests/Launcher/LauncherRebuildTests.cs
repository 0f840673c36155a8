using System.Diagnostics;
using System.Xml.Linq;

namespace Infra.Tests.Launcher;

/// <summary>
/// The <c>./infra</c> launcher rebuilds when any project the CLI references changes (operations/ included),
/// and only then. Checked with INFRA_LAUNCHER_CHECK, which reports instead of building.
/// </summary>
public sealed class LauncherRebuildTests : IDisposable
{
    private readonly string tree = Directory.CreateTempSubdirectory("infra-launcher-").FullName;

    public void Dispose() => Directory.Delete(tree, recursive: true);

    private static (int Code, string Stdout) Launcher(string root, string check)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(root, "infra"));
        start.Environment["INFRA_LAUNCHER_CHECK"] = check;
        start.Environment["INFRA_NATIVE"] = "0";  // the ReadyToRun build: the tree has no native one
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Trim());
    }

    /// <summary>Every project the CLI's project file references, transitively, as MSBuild reads them.</summary>
    private static SortedSet<string> ReferencedProjectFolders(string csproj)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([Path.GetFullPath(csproj)]);
        while (queue.TryDequeue(out var project))
        {
            var folder = Path.GetDirectoryName(project)!;
            if (!folders.Add(folder)) continue;
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
                queue.Enqueue(Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
        }
        return folders;
    }

    [Fact]
    public void The_launcher_watches_every_project_the_CLI_references()
    {
        var root = Support.RepoPaths.Root;
        var (code, stdout) = Launcher(root, "projects");
        Assert.Equal(0, code);
        var expected = ReferencedProjectFolders(Path.Combine(root, "cli", "Infra.Cli.csproj"));
        Assert.Contains(Path.Combine(root, "operations"), expected);
        Assert.Equal(expected, new SortedSet<string>(stdout.Split('\n'), StringComparer.Ordinal));
    }

    /// <summary>./infra and cli/launcher.sh, copied into the tree with the given time (a copy made now would be newer than the fake build).</summary>
    private void CopyLauncher(DateTime time)
    {
        foreach (var relative in new[] { "infra", "cli/launcher.sh" })
        {
            var path = Path.Combine(tree, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(Path.Combine(Support.RepoPaths.Root, relative), path);
            File.SetLastWriteTimeUtc(path, time);
        }
    }

    private void Write(string relative, string content, DateTime time)
    {
        var path = Path.Combine(tree, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, time);
    }

    [Fact]
    public void A_change_in_any_referenced_project_makes_the_build_stale_and_nothing_else_does()
    {
        var old = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        CopyLauncher(old);
        Write("cli/Infra.Cli.csproj", """<Project><ItemGroup><ProjectReference Include="../operations/Infra.Operations.csproj" /></ItemGroup></Project>""", old);
        Write("cli/Program.cs", "", old);
        Write("operations/Infra.Operations.csproj", """<Project><ItemGroup><ProjectReference Include="..\components\Platform\Infra.Platform.csproj" /></ItemGroup></Project>""", old);
        Write("operations/Schedule/SchedulePolicy.cs", "", old);
        Write("components/Platform/Infra.Platform.csproj", "<Project />", old);
        Write("components/Platform/Data/table.json", "{}", old);
        Write(".build/infra/infra.dll", "", old.AddDays(1));
        Assert.Equal("fresh", Launcher(tree, "1").Stdout);

        Write("tests/Infra.Tests/SomeTest.cs", "", old.AddDays(2));       // not referenced by the CLI
        Write("operations/obj/Debug/generated.cs", "", old.AddDays(2));  // build output
        Assert.Equal("fresh", Launcher(tree, "1").Stdout);

        Write("operations/Schedule/SchedulePolicy.cs", "// changed", old.AddDays(2));
        Assert.Equal("stale: " + Path.Combine(tree, "operations", "Schedule", "SchedulePolicy.cs"), Launcher(tree, "1").Stdout);

        Write("operations/Schedule/SchedulePolicy.cs", "", old);
        Write("components/Platform/Data/table.json", "{\"changed\": true}", old.AddDays(2));  // a transitive reference, a data file
        Assert.Equal("stale: " + Path.Combine(tree, "components", "Platform", "Data", "table.json"), Launcher(tree, "1").Stdout);

        // After a build the launcher reads the folder list it wrote then, instead of parsing the project files on every call.
        Write(".build/infra/watch-list.txt", Path.Combine(tree, "cli") + "\n" + Path.Combine(tree, "operations") + "\n", old.AddDays(1));
        Assert.Equal("fresh", Launcher(tree, "1").Stdout);
        Write("operations/Schedule/SchedulePolicy.cs", "// changed again", old.AddDays(3));
        Assert.Equal("stale: " + Path.Combine(tree, "operations", "Schedule", "SchedulePolicy.cs"), Launcher(tree, "1").Stdout);
    }

    // A stand-in for `dotnet` on PATH: `publish` is logged and succeeds; running the tool logs whether the launcher
    // asked for the in-tool freshness check, exits 75 (stale) when asked and the file "stale" exists, else prints.
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        log="$(dirname "$0")/calls.log"
        if [[ "$1" == publish ]]; then echo publish >> "$log"; exit 0; fi
        echo "run ${INFRA_FRESH_AGAINST:-unchecked}" >> "$log"
        if [[ -n "${INFRA_FRESH_AGAINST:-}" && -e "$(dirname "$0")/stale" ]]; then exit 75; fi
        echo "program of $*"
        exit "${FAKE_EXIT:-0}"
        """;

    private (int Code, string Stdout, string[] Calls, string Stderr) RunWithFakeDotnet(int exitCode = 0)
    {
        var fake = Path.Combine(tree, "fake");
        File.Delete(Path.Combine(fake, "calls.log"));
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(tree, "infra"));
        start.ArgumentList.Add("synth");
        start.ArgumentList.Add("dc9");
        start.Environment["PATH"] = fake + ":" + start.Environment["PATH"];
        start.Environment["INFRA_NATIVE"] = "0";
        start.Environment["FAKE_EXIT"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var log = Path.Combine(fake, "calls.log");
        return (process.ExitCode, stdout.Trim(), File.Exists(log) ? File.ReadAllLines(log) : [], stderr);
    }

    private void BuiltTreeWithFakeDotnet(DateTime old)
    {
        CopyLauncher(old);
        Write("cli/Infra.Cli.csproj", "<Project />", old);
        Write("cli/Program.cs", "", old);
        Write(".build/infra/infra.dll", "", old.AddDays(1));
        Write(".build/infra/watch-list.txt", Path.Combine(tree, "cli") + "\n", old.AddDays(1));
        Write("fake/dotnet", FakeDotnet.ReplaceLineEndings("\n") + "\n", old);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(tree, "fake", "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void A_fresh_build_runs_once_with_the_in_tool_check_and_its_output_and_exit_code_pass_through()
    {
        var old = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        BuiltTreeWithFakeDotnet(old);
        var dll = Path.Combine(tree, ".build", "infra", "infra.dll");

        var (code, stdout, calls, _) = RunWithFakeDotnet(exitCode: 3);

        Assert.Equal(3, code);
        Assert.Equal($"program of {dll} synth dc9", stdout);
        Assert.Equal([$"run {dll}"], calls);  // one process: no find, no build, the check asked of the tool
    }

    [Fact]
    public void When_the_tool_reports_itself_stale_the_launcher_rebuilds_and_runs_the_new_build_once()
    {
        var old = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        BuiltTreeWithFakeDotnet(old);
        Write("cli/Program.cs", "// changed", old.AddDays(2));
        Write("fake/stale", "", old);
        var dll = Path.Combine(tree, ".build", "infra", "infra.dll");

        var (code, stdout, calls, stderr) = RunWithFakeDotnet();

        Assert.Equal(0, code);
        Assert.Equal($"program of {dll} synth dc9", stdout);  // nothing printed by the stale call
        Assert.Equal([$"run {dll}", "publish", "run unchecked"], calls);
        Assert.Equal("infra: cli/Program.cs changed since the tool was built; rebuilding .build/infra...", stderr.Trim());
        Assert.Contains(Path.Combine(tree, "global.json"), File.ReadAllLines(Path.Combine(tree, ".build", "infra", "watch-list.txt")));
    }

    /// <summary>The watch lists of older builds: before the in-tool check, and before ./infra's fast path (whose tools exit 75 but cannot relaunch).</summary>
    public static TheoryData<string> OlderWatchLists() => new("watched-projects.txt", "watched-paths.txt");

    [Theory]
    [MemberData(nameof(OlderWatchLists))]
    public void A_build_made_before_the_in_tool_check_or_the_fast_path_is_judged_by_the_launcher_and_rebuilt_when_stale(string olderList)
    {
        var old = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        BuiltTreeWithFakeDotnet(old);
        File.Move(Path.Combine(tree, ".build", "infra", "watch-list.txt"), Path.Combine(tree, ".build", "infra", olderList));
        Write("fake/stale", "", old);  // such a tool ignores the check: asking it would run the stale build
        var dll = Path.Combine(tree, ".build", "infra", "infra.dll");

        Assert.Equal(["run unchecked"], RunWithFakeDotnet().Calls);

        Write("cli/Program.cs", "// changed", old.AddDays(2));
        var (code, stdout, calls, _) = RunWithFakeDotnet();
        Assert.Equal(0, code);
        Assert.Equal($"program of {dll} synth dc9", stdout);
        Assert.Equal(["publish", "run unchecked"], calls);
        Assert.True(File.Exists(Path.Combine(tree, ".build", "infra", "watch-list.txt")));
    }
}

using Infra.Cli;

namespace Infra.Tests.Launcher;

/// <summary>
/// The rebuild check the built tool does for <c>./infra</c> (cli/LauncherFreshness.cs): the same answer as the
/// launcher's own check (LauncherRebuildTests): any watched file newer than the build, build output ignored.
/// </summary>
public sealed class LauncherFreshnessTests : IDisposable
{
    private static readonly DateTime Old = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string tree = Directory.CreateTempSubdirectory("infra-freshness-").FullName;

    public void Dispose() => Directory.Delete(tree, recursive: true);

    private string Write(string relative, DateTime time)
    {
        var path = Path.Combine(tree, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, relative);
        File.SetLastWriteTimeUtc(path, time);
        return path;
    }

    private (string Built, string List) Built(params string[] watched)
    {
        var built = Write(".build/infra-native/infra", Old.AddDays(1));
        var list = Path.Combine(tree, ".build/infra-native/watch-list.txt");
        File.WriteAllLines(list, watched.Select(w => Path.Combine(tree, w)));
        return (built, list);
    }

    [Fact]
    public void A_newer_file_in_a_watched_folder_or_a_watched_file_makes_the_build_stale_and_build_output_does_not()
    {
        Write("operations/Schedule/SchedulePolicy.cs", Old);
        Write("components/Platform/Data/table.json", Old);
        Write("global.json", Old);
        var (built, list) = Built("operations", "components/Platform", "global.json", "gone/folder");
        Assert.Null(LauncherFreshness.FirstNewer(built, list));

        Write("operations/obj/Release/generated.cs", Old.AddDays(2));
        Write("components/Platform/bin/Release/Infra.Platform.dll", Old.AddDays(2));
        Write("tests/SomeTest.cs", Old.AddDays(2));
        Assert.Null(LauncherFreshness.FirstNewer(built, list));

        var table = Write("components/Platform/Data/table.json", Old.AddDays(2));
        Assert.Equal(table, LauncherFreshness.FirstNewer(built, list));

        Write("components/Platform/Data/table.json", Old);
        var globalJson = Write("global.json", Old.AddDays(2));
        Assert.Equal(globalJson, LauncherFreshness.FirstNewer(built, list));
    }

    [Fact]
    public void A_missing_build_or_watch_list_counts_as_stale()
    {
        var (built, list) = Built("operations");
        File.Delete(list);
        Assert.Equal(list, LauncherFreshness.FirstNewer(built, list));
        File.Delete(built);
        Assert.Equal(built, LauncherFreshness.FirstNewer(built, list));
    }

    /// <summary>A stand-in full launcher: records its arguments and exits with 7.</summary>
    private string FakeLauncher()
    {
        var path = Path.Combine(tree, "cli", "launcher.sh");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"""printf '%s|' "$@" > "{Path.Combine(tree, "relaunched")}"; exit 7""" + "\n");
        return path;
    }

    [Fact]
    public void A_stale_tool_started_by_the_fast_path_runs_the_full_launcher_with_its_arguments_and_ends_with_its_code()
    {
        Write("operations/Schedule/SchedulePolicy.cs", Old.AddDays(2));
        var (built, list) = Built("operations");

        Assert.Equal(7, FreshnessCheck.Start(built, list, FakeLauncher(), ["synth", "dc9", "two words"], overlap: false).Settle());
        Assert.Equal("synth|dc9|two words|", File.ReadAllText(Path.Combine(tree, "relaunched")));
    }

    [Fact]
    public void A_stale_tool_started_by_the_full_launcher_reports_itself_stale_to_it()
    {
        Write("operations/Schedule/SchedulePolicy.cs", Old.AddDays(2));
        var (built, list) = Built("operations");

        Assert.Equal(LauncherFreshness.StaleExitCode, FreshnessCheck.Start(built, list, launcher: null, ["synth"], overlap: false).Settle());
        Assert.Equal(LauncherFreshness.StaleExitCode, FreshnessCheck.Start(built, list, launcher: "", ["synth"], overlap: true).Settle());
    }

    [Fact]
    public void A_fresh_tool_or_one_run_without_the_check_goes_on_and_runs_nothing()
    {
        Write("operations/Schedule/SchedulePolicy.cs", Old);
        var (built, list) = Built("operations");
        var launcher = FakeLauncher();

        Assert.Null(FreshnessCheck.Start(built, list, launcher, ["synth"], overlap: true).Settle());
        File.Delete(list);  // stale now (no watch list), but nobody asked for the check
        Assert.Null(FreshnessCheck.Start(null, list, launcher, ["synth"], overlap: false).Settle());
        Assert.Null(FreshnessCheck.Start(built, "", launcher, ["synth"], overlap: true).Settle());
        Assert.False(File.Exists(Path.Combine(tree, "relaunched")));
    }

    [Fact]
    public async Task Overlapping_a_fresh_build_the_first_write_waits_for_the_walk_then_goes_straight_to_the_real_writer()
    {
        var walk = new TaskCompletionSource<string?>();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var check = new FreshnessCheck(walk.Task, FakeLauncher(), ["synth", "dc9"], overlap: true);

        var writing = Task.Run(() => check.Out(stdout).Write("program"));
        Assert.NotSame(writing, await Task.WhenAny(writing, Task.Delay(200)));  // waits for the walk
        Assert.Equal("", stdout.ToString());

        walk.SetResult(null);
        await writing;
        Assert.Equal("program", stdout.ToString());
        check.Error(stderr).WriteLine("warning");
        Assert.Equal("warning" + Environment.NewLine, stderr.ToString());
        Assert.Equal(3, check.Finish(3, stdout, stderr));
        Assert.False(File.Exists(Path.Combine(tree, "relaunched")));
    }

    [Fact]
    public void Overlapping_a_fresh_walk_on_disk_passes_every_kind_of_write_on()
    {
        Write("operations/Schedule/SchedulePolicy.cs", Old);
        var (built, list) = Built("operations");
        var stdout = new StringWriter();

        var check = FreshnessCheck.Start(built, list, FakeLauncher(), ["synth", "dc9"], overlap: true);
        var output = check.Out(stdout);
        output.Write('p');
        output.Write("rog".ToCharArray(), 0, 3);
        output.Write("ram".AsSpan());
        output.WriteLine(": 1");
        output.Flush();

        Assert.Equal(0, check.Finish(0, stdout, stdout));
        Assert.Equal("program: 1" + Environment.NewLine, stdout.ToString());
    }

    [Fact]
    public void Overlapping_a_stale_build_drops_its_output_and_ends_as_the_relaunched_full_launcher_does()
    {
        Write("operations/Schedule/SchedulePolicy.cs", Old.AddDays(2));
        var (built, list) = Built("operations");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var check = FreshnessCheck.Start(built, list, FakeLauncher(), ["synth", "dc9"], overlap: true);
        check.Out(stdout).Write("program of the stale build");
        check.Out(stdout).Write('!');
        check.Error(stderr).WriteLine("error: the stale build's opinion");

        Assert.Equal(7, check.Finish(0, stdout, stderr));
        Assert.Equal("", stdout.ToString());
        Assert.Equal("", stderr.ToString());
        Assert.Equal("synth|dc9|", File.ReadAllText(Path.Combine(tree, "relaunched")));
    }

    [Fact]
    public void Without_overlap_or_without_a_check_the_command_writes_straight_to_the_real_writers()
    {
        var (built, list) = Built("operations");
        var stdout = new StringWriter();
        Assert.Same(stdout, FreshnessCheck.Start(built, list, null, ["plan"], overlap: false).Out(stdout));
        Assert.Same(stdout, FreshnessCheck.Start(null, null, null, ["synth"], overlap: true).Out(stdout));
        Assert.Equal(5, FreshnessCheck.Start(null, null, null, ["synth"], overlap: true).Finish(5, stdout, stdout));
    }
}

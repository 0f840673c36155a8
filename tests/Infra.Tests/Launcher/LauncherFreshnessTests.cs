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
        var list = Path.Combine(tree, ".build/infra-native/watched-paths.txt");
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
}

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
        File.Copy(Path.Combine(Support.RepoPaths.Root, "infra"), Path.Combine(tree, "infra"));
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
        Write(".build/infra/watched-projects.txt", Path.Combine(tree, "cli") + "\n" + Path.Combine(tree, "operations") + "\n", old.AddDays(1));
        Assert.Equal("fresh", Launcher(tree, "1").Stdout);
        Write("operations/Schedule/SchedulePolicy.cs", "// changed again", old.AddDays(3));
        Assert.Equal("stale: " + Path.Combine(tree, "operations", "Schedule", "SchedulePolicy.cs"), Launcher(tree, "1").Stdout);
    }
}

using System.Diagnostics;
using System.IO.Enumeration;

namespace Infra.Cli;

/// <summary>
/// The <c>./infra</c> launcher's rebuild check, done inside the built tool: walking the watched folders here
/// costs a few ms less on every Pulumi call than a <c>find</c> process started by the script. The launcher sets
/// <c>INFRA_FRESH_AGAINST</c> (the built file) and <c>INFRA_WATCHED</c> (the list it wrote at build time: project
/// folders, walked without their obj/ and bin/, and single files); when any watched file is newer than the built
/// one, the tool exits with <see cref="StaleExitCode"/> before doing or printing anything, and the launcher rebuilds.
/// When <c>./infra</c>'s fast path started the tool directly (exec, so no launcher waits for that exit code), it also
/// sets <c>INFRA_LAUNCHER</c>: a stale tool then runs that full launcher itself, which rebuilds and runs the new build.
/// </summary>
public static class LauncherFreshness
{
    /// <summary>EX_TEMPFAIL: never an exit code of a command (see <see cref="ExitCodes"/>).</summary>
    public const int StaleExitCode = 75;

    public const string BuiltVariable = "INFRA_FRESH_AGAINST";
    public const string WatchedVariable = "INFRA_WATCHED";
    public const string LauncherVariable = "INFRA_LAUNCHER";

    /// <summary>
    /// The check the launcher asked for, read from (and removed from) the environment: not passed on to processes this
    /// one starts (pulumi runs ./infra, which sets the variables again). See <see cref="FreshnessCheck"/>.
    /// </summary>
    public static FreshnessCheck FromEnvironment(string[] args, bool overlap) =>
        FreshnessCheck.Start(Take(BuiltVariable), Take(WatchedVariable), Take(LauncherVariable), args, overlap);

    /// <summary>Runs the full launcher (bash) with the same arguments and standard streams, and returns its exit code.</summary>
    internal static int Relaunch(string launcher, string[] args)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false };
        start.ArgumentList.Add(launcher);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    private static string? Take(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, null);
        return value;
    }

    /// <summary>The first watched file newer than <paramref name="built"/>; the built file or the list itself when missing; null when fresh.</summary>
    public static string? FirstNewer(string built, string watchedList)
    {
        if (!File.Exists(built)) return built;
        if (!File.Exists(watchedList)) return watchedList;
        var builtAt = File.GetLastWriteTimeUtc(built);
        foreach (var path in File.ReadLines(watchedList))
        {
            if (path.Length == 0) continue;
            if (Directory.Exists(path))
            {
                if (NewerIn(path, builtAt) is { } changed) return changed;
            }
            else if (File.Exists(path) && File.GetLastWriteTimeUtc(path) > builtAt)
            {
                return path;
            }
        }
        return null;
    }

    private static string? NewerIn(string folder, DateTime builtAt)
    {
        var files = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsBuildOutput(entry.FileName),
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !entry.IsDirectory && !IsBuildOutput(entry.FileName) && entry.LastWriteTimeUtc.UtcDateTime > builtAt,
        };
        using var enumerator = files.GetEnumerator();
        return enumerator.MoveNext() ? enumerator.Current : null;
    }

    private static bool IsBuildOutput(ReadOnlySpan<char> name) => name is "obj" or "bin";
}

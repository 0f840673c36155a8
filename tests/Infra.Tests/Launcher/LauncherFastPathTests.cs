using System.Diagnostics;

namespace Infra.Tests.Launcher;

/// <summary>
/// <c>./infra</c> (POSIX sh) replaces itself at once with a fresh-looking native build, passing the variables of
/// the in-tool freshness check and the path of the full launcher; every other case goes to cli/launcher.sh.
/// The tree holds a copy of the real <c>./infra</c>, a stand-in native tool and a stand-in full launcher.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]  // the launcher is a POSIX shell script
public sealed class LauncherFastPathTests : IDisposable
{
    private readonly string tree = Directory.CreateTempSubdirectory("infra-fast-path-").FullName;

    public void Dispose() => Directory.Delete(tree, recursive: true);

    private string Log => Path.Combine(tree, "calls.log");
    private string NativeTool => Path.Combine(tree, ".build", "infra-native", "infra");

    private void Script(string relative, string body)
    {
        var path = Path.Combine(tree, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public LauncherFastPathTests()
    {
        var infra = Path.Combine(tree, "infra");
        File.Copy(Path.Combine(Support.RepoPaths.Root, "infra"), infra);
        File.SetUnixFileMode(infra, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Script("cli/launcher.sh", $"""echo "full launcher $*" >> "{Log}"; echo "program from the full launcher"; exit 4""");
        Script(".build/infra-native/infra", $$"""
            echo "native $* parent=$PPID built=${INFRA_FRESH_AGAINST:-} watched=${INFRA_WATCHED:-} launcher=${INFRA_LAUNCHER:-}" >> "{{Log}}"
            echo "program of $*"
            exit 3
            """);
        File.WriteAllText(Path.Combine(tree, ".build", "infra-native", "watch-list.txt"), Path.Combine(tree, "cli") + "\n");
    }

    /// <summary>Runs ./infra as Pulumi does (the file itself, through its #! line), from the tree.</summary>
    private (int Code, string Stdout, string[] Calls) Run(Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Path.Combine(tree, "infra")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = tree };
        start.ArgumentList.Add("synth");
        start.ArgumentList.Add("dc9");
        foreach (var name in new[] { "INFRA_NATIVE", "INFRA_SKIP_BUILD", "INFRA_LAUNCHER_CHECK", "INFRA_LAUNCHER" }) start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? []) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Trim(), File.Exists(Log) ? File.ReadAllLines(Log) : []);
    }

    [Fact]
    public void A_native_build_with_its_watch_list_replaces_the_shell_with_the_check_and_the_full_launcher_named()
    {
        var (code, stdout, calls) = Run();

        Assert.Equal(3, code);
        Assert.Equal("program of synth dc9", stdout);
        var native = Path.Combine(tree, ".build", "infra-native");
        // Its parent is this test process: the shell exec'd it, no process stayed in between.
        Assert.Equal([$"native synth dc9 parent={Environment.ProcessId} built={native}/infra watched={native}/watch-list.txt " +
                      $"launcher={tree}/cli/launcher.sh"], calls);
    }

    public static TheoryData<string> OtherCases() => new("INFRA_NATIVE=0", "INFRA_SKIP_BUILD=1", "INFRA_LAUNCHER_CHECK=1",
        "native build failed", "no watch list", "no native build", "native build not executable");

    [Theory]
    [MemberData(nameof(OtherCases))]
    public void Every_other_case_goes_to_the_full_launcher_with_the_same_arguments(string situation)
    {
        var environment = new Dictionary<string, string>();
        switch (situation)
        {
            case "native build failed": File.WriteAllText(Path.Combine(tree, ".build", "infra-native.failed"), ""); break;
            case "no watch list": File.Delete(Path.Combine(tree, ".build", "infra-native", "watch-list.txt")); break;
            case "no native build": File.Delete(NativeTool); break;
            case "native build not executable": File.SetUnixFileMode(NativeTool, UnixFileMode.UserRead | UnixFileMode.UserWrite); break;
            default: environment[situation.Split('=')[0]] = situation.Split('=')[1]; break;
        }

        var (code, stdout, calls) = Run(environment);

        Assert.Equal(4, code);
        Assert.Equal("program from the full launcher", stdout);
        Assert.Equal(["full launcher synth dc9"], calls);
    }
}

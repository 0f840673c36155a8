using Infra.Platform.Database;
using Infra.Tests.OnPrem.Realization;

namespace Infra.Tests.OnPrem;

/// <summary>
/// Issue 9 A10: the script of the step that prepares the pgBackRest path repository on each host
/// (<see cref="BackupDirectoryStepTests"/>), run here for real as root with /bin/sh -s, as the step feeds
/// it, against temporary directories and the local postgres user: it makes the directory ready for
/// postgres or fails saying what to fix.
/// </summary>
[Trait("Category", "Realization")]
public sealed class BackupDirectoryTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string root = Directory.CreateTempSubdirectory("backup-dir-").FullName;

    public BackupDirectoryTests()
    {
        RequiredPackages.RequirePostgresBinDir();
        // postgres must be able to reach the directories below, as on a host (/srv is 0755).
        Chmod(root, "755").GetAwaiter().GetResult();
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task A_missing_directory_is_created_for_postgres_with_mode_0750()
    {
        var dir = Path.Combine(root, "srv", "pgbackrest");
        var result = await RunAsync(dir);
        Assert.True(result.Ok, result.ToString());
        Assert.Contains($"pgBackRest repository {dir} on server-1 (192.0.2.11): ready (owner postgres, uid {PostgresUid}, mode 750).", result.Stdout);
        Assert.Equal("postgres 750", await OwnerAndModeAsync(dir));
    }

    [Fact]
    public async Task A_root_owned_directory_as_docker_creates_it_is_given_to_postgres()
    {
        var dir = Path.Combine(root, "pgbackrest");
        Directory.CreateDirectory(dir);  // owned by root, 0755: what Docker leaves for a missing mount source
        await Chmod(dir, "755");
        var result = await RunAsync(dir);
        Assert.True(result.Ok, result.ToString());
        Assert.Equal("postgres 750", await OwnerAndModeAsync(dir));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));  // the write probe leaves nothing behind
    }

    [Fact]
    public async Task A_directory_postgres_already_owns_keeps_its_mode()
    {
        var dir = Path.Combine(root, "pgbackrest");
        Directory.CreateDirectory(dir);
        await ToolProcess.RequireAsync(["chown", "postgres:postgres", dir], Timeout);
        await Chmod(dir, "700");
        var result = await RunAsync(dir);
        Assert.True(result.Ok, result.ToString());
        Assert.Equal("postgres 700", await OwnerAndModeAsync(dir));
    }

    [Fact]
    public async Task A_directory_that_cannot_be_given_to_postgres_fails_with_the_fix()
    {
        // As on an NFS mount with root_squash: the step's root cannot chown.
        var dir = Path.Combine(root, "pgbackrest");
        Directory.CreateDirectory(dir);
        var result = await RunAsync(dir, ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"pgBackRest repository {dir} on server-1 (192.0.2.11): is owned by root and cannot be given to the postgres user (uid {PostgresUid}).", result.Stderr);
        Assert.Contains($"chown {PostgresUid}:{PostgresUid} {dir}; chmod 0750 {dir}", result.Stderr);
    }

    [Fact]
    public async Task A_directory_postgres_owns_but_cannot_write_fails_before_wal_piles_up()
    {
        var dir = Path.Combine(root, "pgbackrest");
        Directory.CreateDirectory(dir);
        await ToolProcess.RequireAsync(["chown", "postgres:postgres", dir], Timeout);
        await Chmod(dir, "500");
        var result = await RunAsync(dir);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not writable by the postgres user", result.Stderr);
        Assert.Contains("WAL archiving would fail and fill the disk", result.Stderr);
    }

    [Fact]
    public async Task A_file_where_the_directory_should_be_fails_clearly()
    {
        var path = Path.Combine(root, "pgbackrest");
        File.WriteAllText(path, "not a directory");
        var result = await RunAsync(path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"pgBackRest repository {path} on server-1 (192.0.2.11): does not exist and cannot be created", result.Stderr);
    }

    private static string PostgresUid =>
        File.ReadLines("/etc/passwd").Select(l => l.Split(':')).Single(f => f[0] == "postgres")[2];

    /// <summary>The script as the host step feeds it to /bin/sh -s, optionally under a different user.</summary>
    private static Task<ToolResult> RunAsync(string dir, IReadOnlyList<string>? asUser = null) =>
        ToolProcess.RunAsync([.. asUser ?? [], "/bin/sh", "-s"], Timeout,
            stdin: BackupDirectorySetup.Script(dir, "server-1 (192.0.2.11)"));

    private static Task<ToolResult> Chmod(string path, string mode) => ToolProcess.RequireAsync(["chmod", mode, path], Timeout);

    private static async Task<string> OwnerAndModeAsync(string dir) =>
        (await ToolProcess.RequireAsync(["stat", "-c", "%U %a", dir], Timeout)).Stdout.Trim();
}

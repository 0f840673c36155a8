using Infra.Platform.Database;
using Infra.Tests.OnPrem.Realization;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.OnPrem;

/// <summary>
/// Issue 9 A10: the pgBackRest path repository is bind-mounted from the host, and Docker creates a
/// missing mount source owned by root, where pgBackRest (the image's postgres user) cannot archive WAL,
/// which then fills the disk. Every host therefore runs a prepare step over SSH before Patroni and the
/// backup schedule start. The step's script runs here for real, as root with /bin/sh, against temporary
/// directories and the local postgres user: it makes the directory ready or fails saying what to fix.
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
    public void Every_host_prepares_the_repository_over_ssh_before_patroni_and_the_backup_schedule_start()
    {
        var resources = (YamlMappingNode)ProgramYaml.Parse(OnPrem3Stack.Synthesize(OnPrem3Stack.ValidConfig())).At("resources");
        string Name(YamlNode key) => ((YamlScalarNode)key).Value!;
        var steps = resources.Children.Where(r => r.Value.At("type").Text() == "command:remote:Command").ToList();
        Assert.Equal(["server-1-db-backup-dir", "server-2-db-backup-dir", "server-3-db-backup-dir"], steps.Select(s => Name(s.Key)));
        foreach (var (key, step) in steps)
        {
            var server = Name(key)[..^"-db-backup-dir".Length];
            var address = $"192.0.2.1{server[^1]}";
            Assert.Equal(address, step.At("properties", "connection", "host").Text());
            Assert.Equal("deploy", step.At("properties", "connection", "user").Text());
            Assert.Equal("22", step.At("properties", "connection", "port").Text());
            Assert.Equal(BackupDirectorySetup.HostCommand("infra-patroni:17.2-bookworm-r1", "/srv/pgbackrest"),
                step.At("properties", "create").Text());
            Assert.Contains("dir='/srv/pgbackrest'", step.At("properties", "stdin").Text());
            Assert.Equal("${command}", step.At("options", "provider").Text());
            Assert.Contains($"${{{server}-db-patroni-image}}", ((YamlSequenceNode)step.At("options", "dependsOn")).Select(n => n.Text()));
            foreach (var container in new[] { "patroni", "backup" })
            {
                var dependsOn = ((YamlSequenceNode)resources.At($"{server}-db-{container}", "options", "dependsOn")).Select(n => n.Text());
                Assert.Contains($"${{{Name(key)}}}", dependsOn);
            }
        }
        Assert.Equal("1.2.1", resources.At("command", "options", "version").Text());
    }

    [Fact]
    public void An_s3_repository_has_no_host_directory_to_prepare()
    {
        var program = OnPrem3Stack.Synthesize(OnPrem3Stack.With(
            ("infra:backupRepoType", "s3"), ("infra:backupRepoPath", null), ("infra:backupS3Bucket", "pg-backups"),
            ("infra:backupS3Endpoint", "minio.example.internal:9000"), ("infra:backupS3Region", "eu-west-1"),
            ("infra:backupS3AccessKey", "AKIAEXAMPLE"), ("infra:backupS3SecretKey", "secret-example")));
        Assert.DoesNotContain("command:remote:Command", program);
        Assert.DoesNotContain("pulumi:providers:command", program);
    }

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

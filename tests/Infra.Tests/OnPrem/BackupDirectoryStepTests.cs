using Infra.Platform.Database;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.OnPrem;

/// <summary>
/// Issue 9 A10: the pgBackRest path repository is bind-mounted from the host, and Docker creates a
/// missing mount source owned by root, where pgBackRest (the image's postgres user, uid 999) cannot
/// archive WAL, which then fills the disk. Every host therefore runs a step over SSH that prepares the
/// directory before Patroni and the backup schedule start (its script: <see cref="BackupDirectoryTests"/>).
/// </summary>
public sealed class BackupDirectoryStepTests
{
    [Fact]
    public void Every_host_prepares_the_repository_over_ssh_before_patroni_and_the_backup_schedule_start()
    {
        var resources = (YamlMappingNode)ProgramYaml.Parse(OnPrem3Stack.Synthesize(OnPrem3Stack.ValidConfig())).At("resources");
        string Name(YamlNode key) => ((YamlScalarNode)key).Value!;
        var steps = resources.Children.Where(r => r.Value.At("type").Text() == "command:remote:Command" && Name(r.Key) != "db-service-databases").ToList();
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
        Assert.DoesNotContain("-db-backup-dir:", program);
        Assert.DoesNotContain("hostPath:", program);
    }
}

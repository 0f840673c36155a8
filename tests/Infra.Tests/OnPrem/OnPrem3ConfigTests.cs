using Infra.Platform.Configuration;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.OnPrem;

/// <summary>Bad configurations of the onprem3 keys: each fails synthesis naming the key, the problem and the fix.</summary>
public sealed class OnPrem3ConfigTests
{
    public static TheoryData<string, string?, string, string> BadConfigs => new()
    {
        // key, value (null = unset), the key the error names, a fragment of the problem
        { "infra:hosts", null, "infra:hosts", "is required and not set" },
        { "infra:hosts", """["192.0.2.11","192.0.2.12"]""", "infra:hosts", "lists 2 hosts; onprem3 runs on exactly 3" },
        { "infra:hosts", """["192.0.2.11","192.0.2.12","192.0.2.12"]""", "infra:hosts", "is listed twice" },
        { "infra:hosts", """["192.0.2.11","192.0.2.12","192.0.2.300"]""", "infra:hosts", "is not an IP address" },
        { "infra:hosts", """["192.0.2.11","192.0.2.12","db3.example.internal"]""", "infra:hosts", "host names are not accepted" },
        { "infra:hosts", """["192.0.2.11","192.0.2.12","127.0.0.1"]""", "infra:hosts", "is a loopback address" },
        { "infra:hosts", """["192.0.2.11","192.0.2.12","10.1"]""", "infra:hosts", "is not a plain dotted IPv4 address" },
        { "infra:hosts", "192.0.2.11", "infra:hosts", "must be a list of strings" },
        { "infra:sshUser", null, "infra:sshUser", "is required and not set" },
        { "infra:sshUser", "deploy user", "infra:sshUser", "is not a valid Unix user name" },
        { "infra:sshPort", "70000", "infra:sshPort", "is out of range" },
        { "infra:dbPort", "2379", "infra:etcdClientPort", "clashes with infra:dbPort" },
        { "infra:patroniPort", "8080", "infra:patroniPort", "clashes with the platform binary" },
        { "infra:etcdPeerPort", "7070", "infra:etcdPeerPort", "clashes with the platform binary" },
        { "infra:postgresImage", "docker.io/library/postgres:latest", "infra:postgresImage", "'latest' tag" },
        { "infra:postgresImage", "docker.io/library/postgres:bookworm", "infra:postgresImage", "major version" },
        { "infra:etcdImage", "quay.io/coreos/etcd", "infra:etcdImage", "has no tag or digest" },
        { "infra:backupRepoType", "ftp", "infra:backupRepoType", "is not a repository type" },
        { "infra:backupRepoPath", "backups/pg", "infra:backupRepoPath", "is not an absolute path" },
        { "infra:backupRepoPath", "/srv/../etc", "infra:backupRepoPath", "is not an absolute path" },
        { "infra:backupS3Bucket", "pg-backups", "infra:backupS3Bucket", "is only used when infra:backupRepoType is s3" },
        { "infra:backupIntervalHours", "0", "infra:backupIntervalHours", "is out of range" },
        { "infra:dnsZone", "not a zone", "infra:dnsZone", "is not a DNS name" },
        { "infra:telemetry", "true", "infra:telemetry", "is not used by tier onprem3" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public void Bad_config_fails_naming_the_key_and_the_problem(string key, string? value, string reportedKey, string problem)
    {
        var error = Assert.Throws<ConfigException>(() => OnPrem3Stack.Synthesize(OnPrem3Stack.With((key, value))));
        var match = error.Errors.FirstOrDefault(e => e.Key == reportedKey && e.Problem.Contains(problem, StringComparison.Ordinal));
        Assert.True(match is not null, $"Expected an error on {reportedKey} containing '{problem}', got:\n{error.Message}");
        Assert.Contains("pulumi config set", error.Message); // every report says how to fix it
    }

    [Fact]
    public void S3_repository_requires_bucket_endpoint_region_and_both_secret_keys()
    {
        var error = Assert.Throws<ConfigException>(() => OnPrem3Stack.Synthesize(OnPrem3Stack.With(
            ("infra:backupRepoType", "s3"), ("infra:backupRepoPath", null))));
        var keys = error.Errors.Select(e => e.Key).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "infra:backupS3Bucket", "infra:backupS3Endpoint", "infra:backupS3Region",
            "infra:backupS3AccessKey", "infra:backupS3SecretKey",
        }, keys);
    }

    [Fact]
    public void S3_secret_key_in_plain_text_in_the_stack_file_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("onprem3-config-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "Pulumi.yaml"), "name: infra\nruntime: yaml\n");
            File.WriteAllText(Path.Combine(dir.FullName, "Pulumi.onprem3.yaml"), """
                config:
                  infra:hosts: ["192.0.2.11", "192.0.2.12", "192.0.2.13"]
                  infra:sshUser: deploy
                  infra:backupRepoType: s3
                  infra:backupS3Bucket: pg-backups
                  infra:backupS3Endpoint: minio.example.internal:9000
                  infra:backupS3Region: us-east-1
                  infra:backupS3AccessKey:
                    secure: AAABAKm1
                  infra:backupS3SecretKey: plain-text-oops
                """);
            var error = Assert.Throws<ConfigException>(() =>
                StackSynthesizer.Synthesize(new ProjectDirectory(dir.FullName), "onprem3", null));
            var only = Assert.Single(error.Errors);
            Assert.Equal("infra:backupS3SecretKey", only.Key);
            Assert.Contains("plain text", only.Problem);
            Assert.DoesNotContain("plain-text-oops", error.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Through_the_tool_a_bad_onprem3_config_exits_1_with_the_fix_on_stderr_and_nothing_on_stdout()
    {
        using var project = new TempProject(("onprem3",
            "config:\n  infra:hosts: [\"10.0.0.11\", \"10.0.0.12\", \"10.0.0.11\"]\n  infra:sshUser: deploy\n"));
        var result = InfraProcess.Run(project.Root, null, "synth", "onprem3");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("infra:hosts = \"10.0.0.11\": is listed twice", result.Stderr);
        Assert.Contains("pulumi config set", result.Stderr);
    }

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var error = Assert.Throws<ConfigException>(() => OnPrem3Stack.Synthesize(OnPrem3Stack.With(
            ("infra:hosts", """["192.0.2.11","192.0.2.11"]"""), ("infra:sshUser", null), ("infra:dbPort", "8008"))));
        Assert.True(error.Errors.Count >= 4, error.Message);
    }
}

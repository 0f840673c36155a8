using Infra.Platform.Database;
using Infra.Tests.Dc9;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.OnPrem;

/// <summary>
/// The step that creates missing Service databases on an existing cluster (its script runs for real against
/// the loopback cluster in <see cref="PatroniFailoverDrillTests"/>): what it generates and how the tier wires it.
/// </summary>
public sealed class ServiceDatabasesStepTests
{
    private static PostgresClusterSpec Spec(Credential? superuser = null) =>
        new("prod-db",
            [new("db-a", "10.0.0.11"), new("db-b", "10.0.0.12"), new("db-c", "10.0.0.13", new MemberPorts(Postgres: 6432), new MemberPaths())],
            ["gateway", "accounts"],
            new ClusterCredentials(superuser ?? Credential.Placeholder("pg-superuser-password"), Credential.Of("repl"), Credential.Of("rewind"),
                Credential.Of("app"), Credential.Of("rest")),
            new PathRepository("/srv/pgbackrest"));

    [Fact]
    public void The_sql_creates_each_missing_database_owned_by_the_app_and_closed_to_public()
    {
        Assert.Equal(
            "-- One database per Service, owned by the app role and closed to everyone else.\n" +
            "SELECT 'CREATE DATABASE \"gateway\" OWNER \"app\"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'gateway')\\gexec\n" +
            "ALTER DATABASE \"gateway\" OWNER TO \"app\";\n" +
            "REVOKE ALL ON DATABASE \"gateway\" FROM PUBLIC;\n" +
            "SELECT 'CREATE DATABASE \"accounts\" OWNER \"app\"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'accounts')\\gexec\n" +
            "ALTER DATABASE \"accounts\" OWNER TO \"app\";\n" +
            "REVOKE ALL ON DATABASE \"accounts\" FROM PUBLIC;\n",
            ServiceDatabasesScript.Sql(Spec()));
        Assert.DoesNotContain("DROP", ServiceDatabasesScript.Sql(Spec()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_script_reaches_the_primary_through_every_member_and_keeps_the_password_off_command_lines()
    {
        var script = ServiceDatabasesScript.For(Spec());
        Assert.Equal("host=10.0.0.11,10.0.0.12,10.0.0.13 port=5432,5432,6432 user=postgres dbname=postgres target_session_attrs=read-write connect_timeout=5",
            ServiceDatabasesScript.PrimaryConnection(Spec()));
        Assert.Contains($"conn='{ServiceDatabasesScript.PrimaryConnection(Spec())}'", script);
        // The password occurs once: in the password file's quoted here-document, read by cat, never in argv or the environment.
        var lines = script.Split('\n');
        var secret = Assert.Single(lines, l => l.Contains(SecretTemplate.Token("pg-superuser-password")));
        Assert.Equal("*:*:*:postgres:@@secret:pg-superuser-password@@", secret);
        Assert.Equal("cat > \"$PGPASSFILE\" <<'PGPASS'", lines[Array.IndexOf(lines, secret) - 1]);
        Assert.Equal("PGPASS", lines[Array.IndexOf(lines, secret) + 1]);
        Assert.DoesNotContain("PGPASSWORD", script);
        Assert.Contains("umask 077", script);
        Assert.Contains("trap 'rm -f \"$PGPASSFILE\"' EXIT", script);
        Assert.Contains("deadline=$(( $(date +%s) + 300 ))", script);
        Assert.Contains(ServiceDatabasesScript.Sql(Spec()), script);
    }

    [Fact]
    public void A_literal_password_is_escaped_for_the_password_file()
    {
        var script = ServiceDatabasesScript.For(Spec(Credential.Of(@"a:b\c")));
        Assert.Contains(@"*:*:*:postgres:a\:b\\c" + "\n", script);
    }

    [Fact]
    public void The_script_passes_shellcheck()
    {
        using var dir = new TempDir();
        var result = RealTool.Run("shellcheck", "--shell=sh", "--severity=warning", dir.Write("service-databases.sh", ServiceDatabasesScript.For(Spec())));
        Assert.True(result.ExitCode == 0, result.Both);
    }

    [Fact]
    public void Wait_and_retry_must_make_sense()
    {
        Assert.Throws<DatabaseConfigException>(() => ServiceDatabasesScript.For(Spec(), waitSeconds: 10, retrySeconds: 0));
        Assert.Throws<DatabaseConfigException>(() => ServiceDatabasesScript.For(Spec(), waitSeconds: 2, retrySeconds: 5));
    }

    [Fact]
    public void The_tier_runs_the_step_once_over_ssh_after_every_patroni_member_and_before_every_app_container()
    {
        var resources = (YamlMappingNode)ProgramYaml.Parse(OnPrem3Stack.Synthesize(OnPrem3Stack.ValidConfig())).At("resources");
        var steps = resources.Children.Where(r => r.Value.At("type").Text() == "command:remote:Command"
            && !((YamlScalarNode)r.Key).Value!.EndsWith("-db-backup-dir", StringComparison.Ordinal)).ToList();
        var step = Assert.Single(steps);
        Assert.Equal("db-service-databases", ((YamlScalarNode)step.Key).Value);
        var properties = step.Value.At("properties");
        Assert.Equal("192.0.2.11", properties.At("connection", "host").Text());
        Assert.Equal("deploy", properties.At("connection", "user").Text());
        Assert.Equal(ServiceDatabasesScript.HostCommand("infra-patroni:17.2-bookworm-r1"), properties.At("create").Text());
        Assert.Equal("docker run --rm --interactive --network host --entrypoint /bin/sh 'infra-patroni:17.2-bookworm-r1' -s", properties.At("create").Text());
        // The script is secret (it carries a reference to the superuser password, never its value) and drops nothing.
        var stdin = properties.At("stdin", "fn::secret").Text();
        Assert.Contains("*:*:*:postgres:${db-secrets-superuser.result}\n", stdin);
        Assert.Contains("WHERE datname = 'events')\\gexec", stdin);
        Assert.Null(((YamlMappingNode)properties).Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value is "delete" or "update"));
        Assert.Equal("${command}", step.Value.At("options", "provider").Text());
        Assert.Equal(["${server-1-db-patroni}", "${server-2-db-patroni}", "${server-3-db-patroni}"],
            ((YamlSequenceNode)step.Value.At("options", "dependsOn")).Select(n => n.Text()));
        foreach (var server in new[] { "server-1", "server-2", "server-3" })
            Assert.Contains("${db-service-databases}", ((YamlSequenceNode)resources.At($"{server}-app-server", "options", "dependsOn")).Select(n => n.Text()));
    }

    [Fact]
    public void An_s3_repository_still_gets_its_service_databases()
    {
        var program = OnPrem3Stack.Synthesize(OnPrem3Stack.With(
            ("infra:backupRepoType", "s3"), ("infra:backupRepoPath", null), ("infra:backupS3Bucket", "pg-backups"),
            ("infra:backupS3Endpoint", "minio.example.internal:9000"), ("infra:backupS3Region", "eu-west-1"),
            ("infra:backupS3AccessKey", "AKIAEXAMPLE"), ("infra:backupS3SecretKey", "secret-example")));
        var resources = (YamlMappingNode)ProgramYaml.Parse(program).At("resources");
        Assert.Equal("command:remote:Command", resources.At("db-service-databases", "type").Text());
        Assert.Equal("1.2.1", resources.At("command", "options", "version").Text());
    }
}

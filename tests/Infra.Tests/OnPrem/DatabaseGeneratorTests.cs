using Infra.Constructs.OnPrem;
using Infra.Platform.Database;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.OnPrem;

/// <summary>The pure generators of Infra.Platform.Database: what they write and what they refuse.</summary>
public sealed class DatabaseGeneratorTests
{
    private const string TrickyPassword = "p@ss:w/o'rd \"#1\" ${x}";

    private static PostgresClusterSpec Spec(Credential? app = null, BackupRepository? backup = null, IReadOnlyList<ClusterMember>? members = null) =>
        new("prod-db",
            members ?? [new("db-a", "10.0.0.11"), new("db-b", "10.0.0.12"), new("db-c", "10.0.0.13")],
            ["gateway", "accounts"],
            new ClusterCredentials(Credential.Of("super"), Credential.Of("repl"), Credential.Of("rewind"),
                app ?? Credential.Of(TrickyPassword), Credential.Of("rest")),
            backup ?? new PathRepository("/srv/pgbackrest"));

    private static YamlMappingNode Patroni(PostgresClusterSpec spec, int member = 0) =>
        ProgramYaml.Parse(PatroniConfig.For(spec, spec.Members[member]));

    [Fact]
    public void Patroni_uses_all_three_etcd_members_synchronous_strict_mode_and_pg_rewind()
    {
        var config = Patroni(Spec(), 1);
        Assert.Equal("db-b", config.At("name").Text());
        Assert.Equal(["10.0.0.11:2379", "10.0.0.12:2379", "10.0.0.13:2379"],
            ((YamlSequenceNode)config.At("etcd3", "hosts")).Children.Select(n => n.Text()));
        var dcs = config.At("bootstrap", "dcs");
        Assert.Equal("true", dcs.At("synchronous_mode").Text());
        Assert.Equal("true", dcs.At("synchronous_mode_strict").Text());
        Assert.Equal("1", dcs.At("synchronous_node_count").Text());
        Assert.Equal("true", dcs.At("postgresql", "use_pg_rewind").Text());
        Assert.Equal("10.0.0.12:5432", config.At("postgresql", "connect_address").Text());
        Assert.Equal("/bin/sh /etc/patroni/post-bootstrap.sh", config.At("bootstrap", "post_bootstrap").Text());
    }

    [Fact]
    public void Strings_that_YAML_would_retype_stay_strings()
    {
        var text = PatroniConfig.For(Spec(), Spec().Members[0]);
        Assert.Contains("hot_standby: \"on\"", text);
        Assert.Contains("archive_mode: \"on\"", text);
        Assert.DoesNotContain("\n...", text); // no document end marker
    }

    [Fact]
    public void A_password_with_YAML_and_shell_metacharacters_round_trips_through_patroni_yml()
    {
        var spec = Spec() with { Credentials = Spec().Credentials with { SuperuserPassword = Credential.Of(TrickyPassword) } };
        Assert.Equal(TrickyPassword, Patroni(spec).At("postgresql", "authentication", "superuser", "password").Text());
    }

    [Fact]
    public void Pg_hba_admits_members_for_replication_and_the_app_to_every_database_but_the_maintenance_ones()
    {
        var hba = PatroniConfig.PgHba(Spec() with { ClientNetworks = ["10.0.1.0/24"] }).ToList();
        Assert.Equal("local all postgres peer", hba[0]);
        Assert.Contains("host replication replicator 10.0.0.13/32 scram-sha-256", hba);
        // First match wins: the reject comes before every line that admits the app.
        var reject = hba.IndexOf("host postgres,template0,template1 app all reject");
        Assert.True(reject > 0, string.Join('\n', hba));
        Assert.Equal(["host all app 10.0.0.11/32 scram-sha-256", "host all app 10.0.0.12/32 scram-sha-256",
            "host all app 10.0.0.13/32 scram-sha-256", "host all app 10.0.1.0/24 scram-sha-256"],
            hba.Where(l => l.Contains(" app ")).Skip(1));
        Assert.Equal(hba.Count - 1, hba.FindLastIndex(l => l.Contains(" app ")));
        Assert.DoesNotContain(hba, l => l.Contains("trust") || l.Contains("0.0.0.0/0"));
    }

    [Fact]
    public void Patroni_configuration_and_post_bootstrap_do_not_change_when_services_do()
    {
        // Any change to these uploaded files replaces every Patroni container at once: a full database outage.
        var before = Spec();
        var after = before with { Databases = [.. before.Databases, "billing"] };
        foreach (var member in before.Members)
            Assert.Equal(PatroniConfig.For(before, member), PatroniConfig.For(after, member));
        Assert.Equal(PostBootstrapScript.For(before), PostBootstrapScript.For(after));
        Assert.NotEqual(ServiceDatabasesScript.For(before), ServiceDatabasesScript.For(after));
    }

    [Fact]
    public void Generators_are_deterministic()
    {
        var spec = Spec();
        foreach (var member in spec.Members)
        {
            Assert.Equal(PatroniConfig.For(spec, member), PatroniConfig.For(Spec(), member));
            Assert.Equal(EtcdConfig.For(spec, member), EtcdConfig.For(Spec(), member));
            Assert.Equal(PgBackRestConfig.For(spec, member), PgBackRestConfig.For(Spec(), member));
        }
    }

    [Fact]
    public void Etcd_forms_a_new_three_member_cluster_with_the_v3_gateway_on()
    {
        var spec = Spec();
        var etcd = ProgramYaml.Parse(EtcdConfig.For(spec, spec.Members[2]));
        Assert.Equal("db-a=http://10.0.0.11:2380,db-b=http://10.0.0.12:2380,db-c=http://10.0.0.13:2380", etcd.At("initial-cluster").Text());
        Assert.Equal("http://10.0.0.13:2379", etcd.At("advertise-client-urls").Text());
        Assert.Equal("new", etcd.At("initial-cluster-state").Text());
        Assert.Equal("true", etcd.At("enable-grpc-gateway").Text());
    }

    [Fact]
    public void PgBackRest_writes_an_s3_repository_with_placeholder_keys_and_this_members_postgres()
    {
        var s3 = new S3Repository("pg-backups", "minio.internal:9000", "us-east-1",
            Credential.Placeholder("s3-key"), Credential.Placeholder("s3-secret")) { RetentionFull = 4 };
        var spec = Spec(backup: s3);
        var ini = PgBackRestConfig.For(spec, spec.Members[0]);
        Assert.Contains("repo1-type=s3\n", ini);
        Assert.Contains("repo1-s3-key=@@secret:s3-key@@\n", ini);
        Assert.Contains("repo1-s3-uri-style=path\n", ini);
        Assert.Contains("repo1-retention-full=4\n", ini);
        Assert.Contains("[prod-db]\npg1-path=/var/lib/postgresql/data\npg1-port=5432\n", ini);
        Assert.Equal(["s3-key", "s3-secret"], SecretTemplate.Keys(ini));
    }

    [Fact]
    public void The_connection_string_lists_every_member_targets_the_writer_and_encodes_the_password()
    {
        var connection = ConnectionString.ReadWrite(Spec(), "accounts");
        Assert.Equal(
            $"postgresql://app:{Uri.EscapeDataString(TrickyPassword)}@10.0.0.11:5432,10.0.0.12:5432,10.0.0.13:5432/accounts" +
            "?target_session_attrs=read-write&connect_timeout=5", connection);
        Assert.Throws<DatabaseConfigException>(() => ConnectionString.ReadWrite(Spec(), "billing"));
    }

    [Fact]
    public void Post_bootstrap_creates_the_app_role_with_the_quoted_password_and_no_service_database()
    {
        var script = PostBootstrapScript.For(Spec());
        Assert.Contains("CREATE ROLE \"app\" LOGIN PASSWORD 'p@ss:w/o''rd \"#1\" ${x}';", script);
        Assert.DoesNotContain("DATABASE", script);
        Assert.Contains("<<'SQL'", script); // quoted here-document: the shell expands nothing
    }

    [Fact]
    public void The_backup_schedule_backs_up_only_on_the_primary_with_the_generated_commands()
    {
        var spec = Spec();
        var script = BackupScheduleScript.For(spec, spec.Members[0], 24);
        Assert.Contains("select pg_is_in_recovery()", script);
        Assert.Contains("pgbackrest --config=/etc/patroni/pgbackrest.conf --stanza=prod-db stanza-create", script);
        Assert.Contains("--type=\"$type\" backup", script);
        Assert.Contains("wait=86400", script);
        Assert.Contains("sleep \"$wait\"", script);
        Assert.Throws<DatabaseConfigException>(() => BackupScheduleScript.For(spec, spec.Members[0], 0));
    }

    [Fact]
    public void Until_a_first_backup_exists_the_schedule_checks_again_after_the_retry_not_the_interval()
    {
        var spec = Spec();
        var script = BackupScheduleScript.For(spec, spec.Members[0], 24);
        // Whether the repository holds a backup: from any member, through the same config.
        Assert.Contains("pgbackrest --config=/etc/patroni/pgbackrest.conf --stanza=prod-db --output=json info 2>/dev/null | grep -q '\"label\":'", script);
        Assert.Contains("holds no backup yet: checking again in 60s\"\n    wait=60\n", script);
        Assert.Contains("echo \"backup ($type) FAILED\" >&2\n      [ \"${1:-}\" = once ] && exit 1\n      wait=60\n", script);
        Assert.Contains("wait=5", BackupScheduleScript.For(spec, spec.Members[0], 24, retrySeconds: 5));
        Assert.Throws<DatabaseConfigException>(() => BackupScheduleScript.For(spec, spec.Members[0], 1, retrySeconds: 3600));
        Assert.Throws<DatabaseConfigException>(() => BackupScheduleScript.For(spec, spec.Members[0], 24, retrySeconds: 0));
    }

    public static TheoryData<string, Func<PostgresClusterSpec>> InvalidSpecs => new()
    {
        { "an odd number, at least 3", () => Spec(members: [new("db-a", "10.0.0.11"), new("db-b", "10.0.0.12")]) },
        { "is used twice", () => Spec(members: [new("db-a", "10.0.0.11"), new("db-a", "10.0.0.12"), new("db-c", "10.0.0.13")]) },
        { "is already used by member 'db-a'", () => Spec(members:
            [new("db-a", "127.0.0.1"), new("db-b", "127.0.0.1", new MemberPorts(Postgres: 5433, PatroniRest: 8009, EtcdClient: 2381, EtcdPeer: 2382), new MemberPaths()), new("db-c", "10.0.0.13")]) },
        { "patroni REST port 5432", () => Spec(members: [new("db-a", "10.0.0.11", new MemberPorts(PatroniRest: 5432), new MemberPaths()), new("db-b", "10.0.0.12"), new("db-c", "10.0.0.13")]) },
        { "no databases", () => Spec() with { Databases = [] } },
        { "reserved database name", () => Spec() with { Databases = ["postgres"] } },
        { "is listed twice", () => Spec() with { Databases = ["gateway", "gateway"] } },
        { "loop_wait + 2 * retry_timeout <= ttl", () => Spec() with { Timings = new HaTimings(Ttl: 10, LoopWait: 5, RetryTimeout: 5) } },
        { "must be an absolute path", () => Spec(backup: new PathRepository("backups")) },
        { "must be an absolute path", () => Spec(members: [new("db-a", "10.0.0.11", new MemberPorts(), new MemberPaths(PostgresData: "/data/pg 1")), new("db-b", "10.0.0.12"), new("db-c", "10.0.0.13")]) },
    };

    // Theory rows are indexes (a Func does not serialize), so each row is its own test case.
    public static TheoryData<int> InvalidSpecRows => new(Enumerable.Range(0, InvalidSpecs.Count()));

    [Theory]
    [MemberData(nameof(InvalidSpecRows))]
    public void An_unworkable_cluster_description_is_refused_with_the_reason(int row)
    {
        var (reason, spec) = ((string)InvalidSpecs.ElementAt(row)[0], (Func<PostgresClusterSpec>)InvalidSpecs.ElementAt(row)[1]);
        var error = Assert.Throws<DatabaseConfigException>(() => spec().Validate());
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_literal_credential_never_prints_its_value()
    {
        Assert.DoesNotContain("hunter2", Credential.Of("hunter2").ToString());
        Assert.Throws<DatabaseConfigException>(() => Credential.Of("two\nlines"));
        Assert.Throws<DatabaseConfigException>(() => Credential.Placeholder("bad key"));
    }

    [Fact]
    public void Secret_bindings_turn_placeholders_into_a_secret_interpolation_of_references()
    {
        var bindings = new SecretBindings();
        bindings.Bind("pw", Output.Of<string>("db-password", "result"));
        var rendered = bindings.Render("user: app\npassword: @@secret:pw@@ costs $5\n");
        var call = Assert.IsType<FunctionCall>(rendered.Expr);
        Assert.Equal("fn::secret", call.Name);
        var parts = Assert.IsType<Interpolation>(call.Argument).Parts;
        Assert.Equal(new StringLiteral("user: app\npassword: "), parts[0]);
        Assert.Equal("db-password.result", Assert.IsType<Reference>(parts[1]).Text);
        Assert.Equal(new StringLiteral(" costs $5\n"), parts[2]);
        Assert.IsType<StringLiteral>(bindings.Render("no secrets here").Expr);
        Assert.Throws<SynthesisException>(() => bindings.Render("@@secret:unbound@@"));
    }
}

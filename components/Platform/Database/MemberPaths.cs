namespace Infra.Platform.Database;

/// <summary>
/// Where one member keeps its state and configuration. The defaults are the paths inside the
/// tier's containers; a realization test points every one of them into a temporary directory.
/// </summary>
public sealed record MemberPaths(
    string PostgresData = "/var/lib/postgresql/data",
    string EtcdData = "/var/lib/etcd",
    string Config = "/etc/patroni",
    string Run = "/var/run/postgresql",
    string Log = "/var/log/pgbackrest")
{
    public string PatroniConfigFile => Path.Combine(Config, "patroni.yml");
    public string EtcdConfigFile => Path.Combine(Config, "etcd.yml");
    public string PgBackRestConfigFile => Path.Combine(Config, "pgbackrest.conf");
    public string PostBootstrapScript => Path.Combine(Config, "post-bootstrap.sh");
    public string BackupScheduleScript => Path.Combine(Config, "backup-schedule.sh");
    public string Pgpass => Path.Combine(Run, "pgpass");

    internal IEnumerable<(string Name, string Value)> All()
    {
        yield return (nameof(PostgresData), PostgresData);
        yield return (nameof(EtcdData), EtcdData);
        yield return (nameof(Config), Config);
        yield return (nameof(Run), Run);
        yield return (nameof(Log), Log);
    }
}

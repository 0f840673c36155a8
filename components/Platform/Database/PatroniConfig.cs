using System.Net;
using YamlDotNet.RepresentationModel;
using static Infra.Platform.Database.YamlText;

namespace Infra.Platform.Database;

/// <summary>Generates one member's <c>patroni.yml</c>.</summary>
public static class PatroniConfig
{
    public static string For(PostgresClusterSpec spec, ClusterMember member)
    {
        spec.Validate();
        if (!spec.Members.Contains(member))
            throw new DatabaseConfigException($"Member '{member.Name}' is not part of cluster '{spec.ClusterName}'.");
        var credentials = spec.Credentials;

        var root = Map(
            ("scope", Str(spec.ClusterName)),
            ("namespace", Str(spec.DcsNamespace)),
            ("name", Str(member.Name)),
            ("restapi", Map(
                ("listen", Str($"{member.Address}:{member.Ports.PatroniRest}")),
                ("connect_address", Str(member.PatroniRestEndpoint)),
                // Patroni asks for these on unsafe REST calls (switchover, restart, config changes).
                ("authentication", Map(
                    ("username", Str(ClusterCredentials.PatroniRestUser)),
                    ("password", Str(credentials.PatroniRestPassword.Render())))))),
            ("etcd3", Map(
                ("protocol", Str("http")),
                ("hosts", Strs(spec.Members.Select(m => m.EtcdClientEndpoint))))),
            ("bootstrap", Bootstrap(spec, member)),
            ("postgresql", Postgresql(spec, member)),
            ("tags", Map(
                ("nofailover", Bool(false)),
                ("noloadbalance", Bool(false)),
                ("clonefrom", Bool(false)),
                ("nosync", Bool(false)))));
        return Write(root);
    }

    private static YamlMappingNode Bootstrap(PostgresClusterSpec spec, ClusterMember member) => Map(
        // Written to etcd once, by the member that initializes the cluster; shared by all members.
        ("dcs", Map(
            ("ttl", Int(spec.Timings.Ttl)),
            ("loop_wait", Int(spec.Timings.LoopWait)),
            ("retry_timeout", Int(spec.Timings.RetryTimeout)),
            ("maximum_lag_on_failover", Int(1048576)),
            // Requirement: a write acknowledged to the client survives the loss of the primary.
            // synchronous_mode: a commit returns only once one standby has flushed it, and Patroni
            // promotes only that synchronous standby, so every acknowledged write is on the new primary.
            ("synchronous_mode", Bool(true)),
            // strict: with no standby available the primary blocks commits instead of silently
            // acknowledging writes that exist on one disk only. With 3 members this costs no extra
            // availability: losing two members also loses the etcd quorum, which stops writes anyway.
            ("synchronous_mode_strict", Bool(true)),
            ("synchronous_node_count", Int(1)),
            ("postgresql", Map(
                // The old primary rejoins by rewinding its diverged WAL instead of a full re-clone.
                ("use_pg_rewind", Bool(true)),
                ("use_slots", Bool(true)),
                ("parameters", Map(
                    ("wal_level", Str("replica")),
                    ("hot_standby", Str("on")),
                    ("wal_log_hints", Str("on")),
                    ("synchronous_commit", Str("on")),
                    ("max_wal_senders", Int(10)),
                    ("max_replication_slots", Int(10)),
                    ("max_connections", Int(200)),
                    ("password_encryption", Str("scram-sha-256")),
                    ("archive_mode", Str("on")),
                    ("archive_timeout", Int(300)))))))),
        ("initdb", Seq([Map(("encoding", Str("UTF8"))), Str("data-checksums")])),
        // The app's role, created once by whichever member initializes the cluster: every member carries
        // the script (PostBootstrapScript) at its own path. Service databases are not made here (see ServiceDatabasesScript).
        ("post_bootstrap", Str($"/bin/sh {member.Paths.PostBootstrapScript}")));

    private static YamlMappingNode Postgresql(PostgresClusterSpec spec, ClusterMember member)
    {
        var credentials = spec.Credentials;
        return Map(
            ("listen", Str($"{member.Address}:{member.Ports.Postgres}")),
            ("connect_address", Str(member.PostgresEndpoint)),
            ("data_dir", Str(member.Paths.PostgresData)),
            ("bin_dir", Str(spec.PostgresBinDir)),
            ("pgpass", Str(member.Paths.Pgpass)),
            ("authentication", Map(
                ("superuser", User(ClusterCredentials.SuperuserName, credentials.SuperuserPassword)),
                ("replication", User(ClusterCredentials.ReplicationUser, credentials.ReplicationPassword)),
                ("rewind", User(ClusterCredentials.RewindUser, credentials.RewindPassword)))),
            // Per member: these name this member's own paths.
            ("parameters", Map(
                ("unix_socket_directories", Str(member.Paths.Run)),
                ("archive_command", Str(PgBackRestCommands.ArchivePush(spec, member))))),
            ("pg_hba", Strs(PgHba(spec))),
            ("basebackup", Seq([Map(("checkpoint", Str("fast")))])));
    }

    private static YamlMappingNode User(string name, Credential password) =>
        Map(("username", Str(name)), ("password", Str(password.Render())));

    /// <summary>
    /// First match wins: local peer for tools on the host, then members, then app networks. Nothing here
    /// names a Service: the app may reach <c>all</c> databases except the maintenance ones, so adding or
    /// removing a Service leaves patroni.yml, and so the Patroni containers, untouched. Which databases the
    /// app owns is decided by <see cref="ServiceDatabasesScript"/> (each Service database is closed to PUBLIC).
    /// </summary>
    public static IEnumerable<string> PgHba(PostgresClusterSpec spec)
    {
        yield return $"local all {ClusterCredentials.SuperuserName} peer";
        var members = spec.Members.Select(m => HostMask(m.Address)).Distinct().ToList();
        foreach (var source in members)
        {
            yield return $"host replication {ClusterCredentials.ReplicationUser} {source} scram-sha-256";
            yield return $"host all {ClusterCredentials.SuperuserName} {source} scram-sha-256";
            yield return $"host all {ClusterCredentials.RewindUser} {source} scram-sha-256";
        }
        // A reject line rather than REVOKE CONNECT ON DATABASE postgres FROM PUBLIC: Patroni's rewind user
        // connects to postgres and is created only after post_bootstrap, so a revoke would lock it out of pg_rewind.
        yield return $"host {string.Join(",", ServiceDatabase.Maintenance)} {ClusterCredentials.AppUser} all reject";
        // 'all' never matches replication connections (pg_hba.conf), so the app gets no replication access.
        foreach (var source in members.Concat(spec.ClientNetworks).Distinct())
            yield return $"host all {ClusterCredentials.AppUser} {source} scram-sha-256";
    }

    private static string HostMask(string address) =>
        IPAddress.TryParse(address, out var ip)
            ? $"{address}/{(ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32)}"
            : address;
}

using static Infra.Platform.Database.YamlText;

namespace Infra.Platform.Database;

/// <summary>Generates one member's etcd configuration file (<c>etcd --config-file</c>).</summary>
public static class EtcdConfig
{
    public static string For(PostgresClusterSpec spec, ClusterMember member)
    {
        spec.Validate();
        if (!spec.Members.Contains(member))
            throw new DatabaseConfigException($"Member '{member.Name}' is not part of cluster '{spec.ClusterName}'.");

        var root = Map(
            ("name", Str(member.Name)),
            ("data-dir", Str(member.Paths.EtcdData)),
            ("listen-client-urls", Str(member.EtcdClientUrl)),
            ("advertise-client-urls", Str(member.EtcdClientUrl)),
            ("listen-peer-urls", Str(member.EtcdPeerUrl)),
            ("initial-advertise-peer-urls", Str(member.EtcdPeerUrl)),
            ("initial-cluster", Str(InitialCluster(spec))),
            // The token keeps members of another cluster that reuses these addresses from joining.
            ("initial-cluster-token", Str($"{spec.ClusterName}-etcd")),
            ("initial-cluster-state", Str("new")),
            ("heartbeat-interval", Int(100)),
            ("election-timeout", Int(1000)),
            // Patroni rewrites its keys every loop: compact hourly so the store does not fill up.
            ("auto-compaction-mode", Str("periodic")),
            ("auto-compaction-retention", Str("1")),
            ("enable-v2", Bool(false)),
            // Patroni speaks etcd's v3 API over the HTTP/JSON gateway. The flag defaults it on, but a
            // config file leaves it off unless set (found by the realization test: /v3 answered 404).
            ("enable-grpc-gateway", Bool(true)),
            ("logger", Str("zap")),
            ("log-outputs", Strs(["stderr"])));
        return Write(root);
    }

    public static string InitialCluster(PostgresClusterSpec spec) =>
        string.Join(",", spec.Members.Select(m => $"{m.Name}={m.EtcdPeerUrl}"));
}

namespace Infra.Platform.Database;

/// <summary>
/// One host of the database cluster: it runs one etcd member and one Patroni-managed PostgreSQL.
/// <paramref name="Address"/> is the fixed address the other members and the app reach it at.
/// </summary>
public sealed record ClusterMember(string Name, string Address, MemberPorts Ports, MemberPaths Paths)
{
    public ClusterMember(string name, string address) : this(name, address, new MemberPorts(), new MemberPaths()) { }

    // An IPv6 address needs brackets wherever a port follows it.
    public string HostText => Address.Contains(':') ? $"[{Address}]" : Address;

    public string PostgresEndpoint => $"{HostText}:{Ports.Postgres}";
    public string PatroniRestEndpoint => $"{HostText}:{Ports.PatroniRest}";
    public string PatroniRestUrl => $"http://{PatroniRestEndpoint}";
    public string EtcdClientEndpoint => $"{HostText}:{Ports.EtcdClient}";
    public string EtcdClientUrl => $"http://{EtcdClientEndpoint}";
    public string EtcdPeerUrl => $"http://{HostText}:{Ports.EtcdPeer}";
}

namespace Infra.Platform.Database;

/// <summary>The TCP ports one database member listens on. Defaults are each product's standard port.</summary>
public sealed record MemberPorts(int Postgres = 5432, int PatroniRest = 8008, int EtcdClient = 2379, int EtcdPeer = 2380)
{
    public IEnumerable<(string Role, int Port)> All()
    {
        yield return ("postgres", Postgres);
        yield return ("patroni REST", PatroniRest);
        yield return ("etcd client", EtcdClient);
        yield return ("etcd peer", EtcdPeer);
    }
}

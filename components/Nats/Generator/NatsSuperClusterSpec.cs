namespace Infra.Nats;

/// <summary>
/// What the caller (the global tier, or a test) says about the super-cluster: one NATS cluster per
/// region, joined by gateways, with one JetStream. Defaults are the production choices.
/// </summary>
public sealed record NatsSuperClusterSpec
{
    /// <summary>Every region, each with its servers and the other regions nearest first.</summary>
    public required IReadOnlyList<NatsRegionSpec> Regions { get; init; }

    /// <summary>Certificate files on every server's disk (from the tls provider), for clients, routes and gateways.</summary>
    public required NatsTlsFiles Tls { get; init; }

    /// <summary>Where each server keeps JetStream's data, unless the server says otherwise.</summary>
    public string StoreDirectory { get; init; } = "/data/jetstream";

    public NatsLameDuck LameDuck { get; init; } = NatsLameDuck.Production;

    /// <summary>JetStream limits per server, in bytes.</summary>
    public long MaxMemoryStore { get; init; } = 256L * 1024 * 1024;
    public long MaxFileStore { get; init; } = 10L * 1024 * 1024 * 1024;

    /// <summary>The account the platform's clients use (JetStream enabled) and its user.</summary>
    public string AppAccount { get; init; } = "PLATFORM";
    public string AppUser { get; init; } = "platform";

    /// <summary>The system account (server events, $SYS monitoring) and its user.</summary>
    public string SystemAccount { get; init; } = "SYS";
    public string SystemUser { get; init; } = "sys";

    /// <summary>
    /// The environment variables that hold the users' passwords when a server starts: the config file
    /// names them (<c>password: $NATS_APP_PASSWORD</c>) and never holds a secret itself.
    /// </summary>
    public string AppPasswordVariable { get; init; } = "NATS_APP_PASSWORD";
    public string SystemPasswordVariable { get; init; } = "NATS_SYS_PASSWORD";

    /// <summary>
    /// In a region reached through load balancers (<see cref="NatsRegionSpec.Access"/>): the variable holding the server's
    /// own route address, quoted (<c>"10.20.1.5:6222"</c>), set by whatever starts it on its host. Otherwise a peer that
    /// came in through the load balancer would be known by the load balancer's address.
    /// </summary>
    public string RouteAdvertiseVariable { get; init; } = "NATS_ROUTE_ADVERTISE";
}

/// <summary>
/// One region: its NATS cluster (and gateway) name, its servers, and the other regions nearest first.
/// <see cref="Access"/> is set where servers have no stable addresses of their own (a cloud's auto-scaling group):
/// they listen on every interface and are reached through the region's load balancers by name.
/// </summary>
public sealed record NatsRegionSpec(string Name, IReadOnlyList<NatsServerSpec> Servers, IReadOnlyList<string> NearestRegions)
{
    public NatsRegionAccess? Access { get; init; }
}

/// <summary>
/// How a region whose servers move between hosts is reached, by stable names (each on every server's certificate):
/// <list type="bullet">
/// <item><see cref="RouteSeed"/>: a name inside the region that reaches some server of it (an internal load
/// balancer on the cluster port). Each server's one configured route; the full mesh forms by NATS's route gossip,
/// and the gossiped routes (by IP) are verified against this name (nats-server keeps the configured route's TLS name);</item>
/// <item><see cref="PublicHost"/>: the region from elsewhere: other regions' gateways (and the gateway's
/// <c>advertise</c>, so gossip spreads this name, never a private address) and foreign clients;</item>
/// <item><see cref="LocalHost"/>: the region's own clients (inside its network).</item>
/// </list>
/// The servers' <see cref="NatsServerSpec.Address"/> is then the address they listen on (0.0.0.0) and their ports must agree.
/// </summary>
public sealed record NatsRegionAccess(string RouteSeed, string PublicHost, string LocalHost);

/// <summary>
/// One server: a name unique in the super-cluster (JetStream's server name), the address it listens on and
/// is reached at, and its ports. <see cref="StoreDirectory"/> overrides the spec's (servers sharing a host).
/// </summary>
public sealed record NatsServerSpec(string Name, string Address)
{
    public NatsPorts Ports { get; init; } = NatsPorts.Standard;
    public string? StoreDirectory { get; init; }
}

/// <summary>A server's ports: clients, cluster routes, gateways, HTTP monitoring.</summary>
public sealed record NatsPorts(int Client, int Cluster, int Gateway, int Monitoring)
{
    public static readonly NatsPorts Standard = new(4222, 6222, 7222, 8222);
}

/// <summary>PEM files: the server's certificate (usable as server and client: routes and gateways verify both ways), its key, the CA.</summary>
public sealed record NatsTlsFiles(string CertFile, string KeyFile, string CaFile);

/// <summary>
/// Lame-duck mode: on SIGUSR2 (<c>nats-server --signal ldm</c>) a server stops accepting clients, waits
/// <see cref="GracePeriod"/>, then closes its clients spread over <see cref="Duration"/> so they
/// reconnect elsewhere gradually, and exits.
/// </summary>
public sealed record NatsLameDuck(TimeSpan Duration, TimeSpan GracePeriod)
{
    public static readonly NatsLameDuck Production = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
}

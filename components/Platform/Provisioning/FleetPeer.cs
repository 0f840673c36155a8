using Infra.Platform.Network;

namespace Infra.Platform.Provisioning;

/// <summary>
/// One server of the fleet as the peer table holds it: its RAFT node id, its server name, the static
/// address it listens on and the Services it runs (never empty). A booting server finds its own row by
/// its private address; every server reads all rows as its RAFT peers.
/// </summary>
public sealed record FleetPeer(string NodeId, string Name, Ipv4Address Address, int Port, IReadOnlyList<string> Services)
{
    public string Endpoint => $"{Address}:{Port}";
}

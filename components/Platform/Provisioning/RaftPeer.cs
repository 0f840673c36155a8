using Infra.Platform.Network;

namespace Infra.Platform.Provisioning;

/// <summary>One member of the fixed RAFT cluster: its node id and the static address it listens on.</summary>
public sealed record RaftPeer(string NodeId, Ipv4Address Address, int Port)
{
    public string Endpoint => $"{Address}:{Port}";
}

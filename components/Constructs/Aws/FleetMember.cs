using Infra.Platform.Network;
using Infra.Platform.Placement;

namespace Infra.Constructs.Aws;

/// <summary>One server of a fleet: what it runs, its AZ index and its fixed private address.</summary>
public sealed record FleetMember(Server Server, int AzIndex, Ipv4Address Address);

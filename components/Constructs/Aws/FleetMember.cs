using Infra.Platform.Network;
using Infra.Platform.Placement;

namespace Infra.Constructs.Aws;

/// <summary>One server of a fleet: what it runs, its AZ index and its fixed private address.</summary>
public sealed record FleetMember(Server Server, int AzIndex, Ipv4Address Address);

/// <summary>A server of a built fleet: what it runs and the instance that runs it.</summary>
public sealed record FleetServer(Server Server, Infra.Providers.Generated.Aws.Ec2.Instance Instance);

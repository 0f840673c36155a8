namespace Infra.Platform.Network;

/// <summary>
/// A subnet tier. The numeric value is the tier's fixed quarter of the VPC in <see cref="SubnetPlanner"/>,
/// so it must never change once a VPC exists: renumbering a tier would replace its subnets.
/// </summary>
public enum SubnetTier
{
    /// <summary>Routes to the internet gateway: ALB nodes, NAT gateways, the bastion.</summary>
    Public = 0,
    /// <summary>Egress through NAT only: the servers.</summary>
    Private = 1,
    /// <summary>No route out of the VPC: data stores that must never reach the internet.</summary>
    Isolated = 2,
}

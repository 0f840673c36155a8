namespace Infra.Stacks.Dc9;

/// <summary>
/// The geometry of the static address plan: replicas of one Service per AZ, and addresses reserved per
/// private subnet. Part of the layout like the VPC CIDR: changing it renumbers servers.
/// </summary>
public sealed record FleetLayout(int SlotsPerServicePerAz, int StaticCapacity)
{
    public static readonly FleetLayout Default = new(Dc9Placement.SlotsPerServicePerAz, Dc9Placement.StaticCapacity);
}

namespace Infra.Platform.Network;

/// <summary>The result of <see cref="SubnetPlanner.Plan"/>: every subnet, ordered by tier then AZ.</summary>
public sealed class SubnetPlan(Ipv4Cidr vpc, int slotPrefixLength, IReadOnlyList<PlannedSubnet> subnets)
{
    public Ipv4Cidr Vpc { get; } = vpc;

    /// <summary>Prefix length of one (tier, AZ) slot: the largest subnet this layout can hold.</summary>
    public int SlotPrefixLength { get; } = slotPrefixLength;

    public IReadOnlyList<PlannedSubnet> Subnets { get; } = subnets;

    public IEnumerable<PlannedSubnet> ForTier(SubnetTier tier) => Subnets.Where(s => s.Tier == tier);

    public PlannedSubnet Get(SubnetTier tier, int azIndex) =>
        Subnets.FirstOrDefault(s => s.Tier == tier && s.AzIndex == azIndex)
        ?? throw new NetworkPlanException(
            $"the subnet plan for {Vpc} has no {tier.ToString().ToLowerInvariant()} subnet in AZ index {azIndex}; add the tier or raise the AZ count.");
}

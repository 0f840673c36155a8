namespace Infra.Platform.Network;

/// <summary>
/// What to plan: the VPC block, how many AZs to use now, which tiers, and the layout capacity.
/// <see cref="MaxAzs"/> fixes the slot geometry; it is part of the layout, like the VPC CIDR, so pick
/// it once (8 covers every AWS region today) and only change it together with a new VPC.
/// <see cref="MustNotOverlap"/> lists networks the VPC will be routed to (peers, VPN, other regions).
/// </summary>
public sealed record SubnetPlanRequest(
    Ipv4Cidr Vpc,
    int AzCount,
    IReadOnlyList<SubnetTierSpec> Tiers,
    int MaxAzs = SubnetPlanner.DefaultMaxAzs,
    IReadOnlyList<NamedCidr>? MustNotOverlap = null);

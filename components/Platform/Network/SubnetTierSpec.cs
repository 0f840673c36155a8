namespace Infra.Platform.Network;

/// <summary>
/// One requested tier. <see cref="PrefixLength"/> null means "the whole slot" (the largest subnet the
/// layout allows); a longer prefix leaves the rest of the slot free for growing the subnet later.
/// </summary>
public sealed record SubnetTierSpec(SubnetTier Tier, int? PrefixLength = null);

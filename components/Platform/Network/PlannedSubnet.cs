namespace Infra.Platform.Network;

/// <summary>One subnet of a plan: its tier, the index of its AZ in the AZ list, and its CIDR.</summary>
public sealed record PlannedSubnet(SubnetTier Tier, int AzIndex, Ipv4Cidr Cidr)
{
    /// <summary>Stable short name, e.g. "private-1", used for logical resource names.</summary>
    public string Name => $"{Tier.ToString().ToLowerInvariant()}-{AzIndex}";
}

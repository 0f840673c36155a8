namespace Infra.Platform.Network;

/// <summary>
/// AWS keeps five addresses of every subnet: the network address, +1 (VPC router), +2 (DNS), +3 (reserved
/// for future use) and the last address. An instance asking for one of them fails to launch.
/// </summary>
public static class AwsSubnetAddresses
{
    public const int ReservedAtStart = 4, ReservedAtEnd = 1;

    public static bool IsReserved(Ipv4Cidr subnet, Ipv4Address address) =>
        !subnet.Contains(address)
        || address.Value - subnet.Network.Value < ReservedAtStart
        || address == subnet.Last;

    public static long UsableCount(Ipv4Cidr subnet) => Math.Max(0, subnet.Size - ReservedAtStart - ReservedAtEnd);
}

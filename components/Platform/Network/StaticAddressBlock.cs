using System.Numerics;

namespace Infra.Platform.Network;

/// <summary>
/// The part of a private subnet that holds fixed server addresses (RAFT peers are known by IP).
///
/// The block is an aligned CIDR right after the AWS-reserved head of the subnet, sized from a fixed
/// <c>capacity</c> (the most servers the subnet will ever hold, not today's count), so growing the
/// fleet appends addresses and never moves existing ones. The block is meant to be registered as an
/// explicit subnet CIDR reservation, which stops AWS from handing its addresses to other interfaces
/// (ALB nodes, endpoints, Lambda) and so makes a static-IP launch collision impossible.
/// </summary>
public sealed class StaticAddressBlock
{
    public Ipv4Cidr Subnet { get; }
    public Ipv4Cidr Block { get; }
    public int Capacity { get; }

    private StaticAddressBlock(Ipv4Cidr subnet, Ipv4Cidr block, int capacity)
    {
        Subnet = subnet;
        Block = block;
        Capacity = capacity;
    }

    public static StaticAddressBlock Reserve(Ipv4Cidr subnet, int capacity, string where = "static addresses")
    {
        if (capacity < 1)
            throw new NetworkPlanException($"{where}: capacity {capacity} must be at least 1 server per subnet.");
        // An aligned block of size s starts at a multiple of s; the first such start past the reserved
        // head (offset 4) is s itself when s >= 4, so the block is [s, 2s).
        var size = (long)Math.Max(AwsSubnetAddresses.ReservedAtStart, (int)BitOperations.RoundUpToPowerOf2((uint)capacity));
        // The subnet's last address (reserved) may fall inside the block only if 2s == subnet size; then one fewer fits.
        var usable = 2 * size == subnet.Size ? size - 1 : size;
        if (2 * size > subnet.Size || usable < capacity)
            throw new NetworkPlanException(
                $"{where}: subnet {subnet} ({subnet.Size} addresses) cannot hold an aligned block of {capacity} static addresses after " +
                $"the {AwsSubnetAddresses.ReservedAtStart} AWS-reserved ones; use a larger subnet or a smaller capacity.");
        var block = new Ipv4Cidr(subnet.Network.Offset(size), 32 - BitOperations.Log2((ulong)size));
        return new StaticAddressBlock(subnet, block, capacity);
    }

    /// <summary>The fixed address of the <paramref name="ordinal"/>-th server (0-based) in this subnet.</summary>
    public Ipv4Address AddressOf(int ordinal)
    {
        if (ordinal < 0 || ordinal >= Capacity)
            throw new NetworkPlanException(
                $"subnet {Subnet}: server ordinal {ordinal} is outside the static block's capacity {Capacity}; raise the capacity (it renumbers) or spread servers over more AZs.");
        var address = Block.Network.Offset(ordinal);
        // Defensive: the geometry above guarantees this, and a reserved address would fail at launch time.
        if (AwsSubnetAddresses.IsReserved(Subnet, address))
            throw new NetworkPlanException($"subnet {Subnet}: static address {address} is AWS-reserved.");
        return address;
    }
}

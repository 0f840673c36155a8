using System.Globalization;

namespace Infra.Platform.Network;

/// <summary>
/// An IPv4 network in CIDR notation. Always normalised: host bits are zero, so two equal networks
/// compare equal and print the same.
/// </summary>
public readonly record struct Ipv4Cidr : IComparable<Ipv4Cidr>
{
    public Ipv4Address Network { get; }
    public int PrefixLength { get; }

    public Ipv4Cidr(Ipv4Address network, int prefixLength)
    {
        if (prefixLength is < 0 or > 32)
            throw new NetworkPlanException($"prefix length /{prefixLength} is outside 0..32.");
        if ((network.Value & ~MaskOf(prefixLength)) != 0)
            throw new NetworkPlanException(
                $"{network}/{prefixLength} has host bits set; did you mean {new Ipv4Address(network.Value & MaskOf(prefixLength))}/{prefixLength}?");
        Network = network;
        PrefixLength = prefixLength;
    }

    /// <summary>
    /// Parses "10.0.0.0/16". Text with host bits set ("10.0.0.1/16") is rejected rather than silently
    /// truncated: it is almost always a typo, and guessing would move a network.
    /// </summary>
    public static Ipv4Cidr Parse(string? text, string where = "CIDR")
    {
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash < 0)
            throw new NetworkPlanException($"{where}: '{text}' is not a CIDR block; write ADDRESS/PREFIX, e.g. 10.0.0.0/16.");
        var address = Ipv4Address.Parse(text[..slash], where);
        var prefixText = text[(slash + 1)..];
        if (prefixText.Length is 0 or > 2 || !prefixText.All(char.IsAsciiDigit)
            || int.Parse(prefixText, CultureInfo.InvariantCulture) is var prefix && prefix > 32)
            throw new NetworkPlanException($"{where}: '{text}' has prefix '/{prefixText}'; a prefix length is a number 0-32, e.g. /16.");
        var mask = MaskOf(prefix);
        if ((address.Value & ~mask) != 0)
            throw new NetworkPlanException(
                $"{where}: '{text}' has host bits set; did you mean {new Ipv4Address(address.Value & mask)}/{prefix}?");
        return new Ipv4Cidr(address, prefix);
    }

    public static bool TryParse(string? text, out Ipv4Cidr cidr)
    {
        try { cidr = Parse(text); return true; }
        catch (NetworkPlanException) { cidr = default; return false; }
    }

    /// <summary>Number of addresses, as a long because a /0 holds 2^32.</summary>
    public long Size => 1L << (32 - PrefixLength);
    public Ipv4Address First => Network;
    public Ipv4Address Last => new((uint)(Network.Value + Size - 1));
    public uint Mask => MaskOf(PrefixLength);

    public bool Contains(Ipv4Address address) => (address.Value & Mask) == Network.Value;

    /// <summary>True when <paramref name="other"/> lies entirely inside this network (or equals it).</summary>
    public bool Contains(Ipv4Cidr other) => other.PrefixLength >= PrefixLength && Contains(other.Network);

    /// <summary>CIDR blocks are either nested or disjoint, so overlap means one contains the other.</summary>
    public bool Overlaps(Ipv4Cidr other) => Contains(other) || other.Contains(this);

    /// <summary>The <paramref name="index"/>-th block of length <paramref name="newPrefix"/> inside this one.</summary>
    public Ipv4Cidr Subnet(int newPrefix, long index)
    {
        if (newPrefix < PrefixLength || newPrefix > 32)
            throw new NetworkPlanException($"cannot carve /{newPrefix} blocks out of {this}: the new prefix must be between /{PrefixLength} and /32.");
        var count = 1L << (newPrefix - PrefixLength);
        if (index < 0 || index >= count)
            throw new NetworkPlanException($"{this} holds {count} /{newPrefix} blocks; block index {index} does not exist.");
        return new Ipv4Cidr(new Ipv4Address((uint)(Network.Value + index * (1L << (32 - newPrefix)))), newPrefix);
    }

    /// <summary>All blocks of length <paramref name="newPrefix"/>, in address order.</summary>
    public IEnumerable<Ipv4Cidr> Split(int newPrefix)
    {
        var count = 1L << (newPrefix - PrefixLength);
        for (long i = 0; i < count; i++) yield return Subnet(newPrefix, i);
    }

    /// <summary>
    /// This network minus <paramref name="hole"/>, as the minimal list of CIDR blocks in address order.
    /// Used e.g. to describe "the internet" as everything outside the VPC.
    /// </summary>
    public IReadOnlyList<Ipv4Cidr> Exclude(Ipv4Cidr hole)
    {
        if (!Overlaps(hole)) return [this];
        if (hole.Contains(this)) return [];
        var result = new List<Ipv4Cidr>();
        var current = this;
        // Walk down from this block to the hole: at each level keep the half that misses the hole.
        while (current.PrefixLength < hole.PrefixLength)
        {
            var low = current.Subnet(current.PrefixLength + 1, 0);
            var high = current.Subnet(current.PrefixLength + 1, 1);
            if (low.Contains(hole)) { result.Add(high); current = low; }
            else { result.Add(low); current = high; }
        }
        result.Sort();
        return result;
    }

    public int CompareTo(Ipv4Cidr other) =>
        Network.CompareTo(other.Network) is var byAddress and not 0 ? byAddress : PrefixLength.CompareTo(other.PrefixLength);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Network}/{PrefixLength}");

    private static uint MaskOf(int prefixLength) => prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);
}

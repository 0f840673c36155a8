using System.Globalization;

namespace Infra.Platform.Network;

/// <summary>An IPv4 address held as a 32-bit number, so that CIDR maths is plain integer arithmetic.</summary>
public readonly record struct Ipv4Address(uint Value) : IComparable<Ipv4Address>
{
    /// <summary>Parses dotted-quad text ("10.0.1.10"); <paramref name="where"/> names the input in errors.</summary>
    public static Ipv4Address Parse(string text, string where = "address")
    {
        if (TryParse(text, out var address)) return address;
        throw new NetworkPlanException(
            $"{where}: '{text}' is not an IPv4 address; write four decimal numbers 0-255 separated by dots, e.g. 10.0.1.10.");
    }

    public static bool TryParse(string? text, out Ipv4Address address)
    {
        address = default;
        if (string.IsNullOrEmpty(text)) return false;
        var parts = text.Split('.');
        if (parts.Length != 4) return false;
        uint value = 0;
        foreach (var part in parts)
        {
            // Reject leading zeros ("010"): some tools read them as octal, so they are ambiguous.
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit))
                return false;
            var octet = int.Parse(part, CultureInfo.InvariantCulture);
            if (octet > 255) return false;
            value = (value << 8) | (uint)octet;
        }
        address = new Ipv4Address(value);
        return true;
    }

    public Ipv4Address Offset(long delta)
    {
        var result = (long)Value + delta;
        if (result is < 0 or > uint.MaxValue)
            throw new NetworkPlanException($"address {this} offset by {delta} leaves the IPv4 space.");
        return new Ipv4Address((uint)result);
    }

    public int CompareTo(Ipv4Address other) => Value.CompareTo(other.Value);

    public static bool operator <(Ipv4Address a, Ipv4Address b) => a.Value < b.Value;
    public static bool operator >(Ipv4Address a, Ipv4Address b) => a.Value > b.Value;
    public static bool operator <=(Ipv4Address a, Ipv4Address b) => a.Value <= b.Value;
    public static bool operator >=(Ipv4Address a, Ipv4Address b) => a.Value >= b.Value;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value >> 24}.{(Value >> 16) & 255}.{(Value >> 8) & 255}.{Value & 255}");
}

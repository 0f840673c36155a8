using System.Net;
using System.Net.Sockets;

namespace Infra.Platform.Configuration;

/// <summary>
/// A fixed host address from config: an IPv4 or IPv6 address that other hosts can reach. Host names
/// are refused because DNS for these hosts is what the stack outputs for an operator to create.
/// </summary>
public static class HostAddress
{
    /// <summary>Null when <paramref name="text"/> is a usable fixed address; otherwise what is wrong.</summary>
    public static string? Problem(string text)
    {
        if (!IPAddress.TryParse(text, out var ip))
            return "is not an IP address (host names are not accepted: the DNS records are outputs of this stack).";
        // .NET also parses shorthand such as '10.1' (= 10.0.0.1); only the plain dotted form is unambiguous.
        if (ip.AddressFamily == AddressFamily.InterNetwork && ip.ToString() != text)
            return $"is not a plain dotted IPv4 address (it would mean {ip}).";
        if (IPAddress.IsLoopback(ip))
            return "is a loopback address, which every host has: give the address other hosts reach it at.";
        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.Broadcast))
            return "is not a host's address (unspecified or broadcast).";
        if (ip.AddressFamily == AddressFamily.InterNetworkV6 ? ip.IsIPv6Multicast : ip.GetAddressBytes()[0] is >= 224 and <= 239)
            return "is a multicast address, not a host's address.";
        if (ip.AddressFamily == AddressFamily.InterNetwork && ip.GetAddressBytes()[0] == 0)
            return "is in 0.0.0.0/8 ('this network'), which no host can be reached at.";
        if (ip.AddressFamily == AddressFamily.InterNetworkV6 ? ip.IsIPv6LinkLocal : ip.GetAddressBytes() is [169, 254, ..])
            return "is a link-local address, which is not stable and needs an interface to be named: give the host's fixed address.";
        if (ip.AddressFamily == AddressFamily.InterNetwork && ip.GetAddressBytes()[0] >= 240)
            return "is in the reserved range 240.0.0.0/4, not a host's address.";
        return null;
    }

    /// <summary>The canonical text of an address, so '10.0.0.1' and '10.000.0.1' count as one host.</summary>
    public static string Canonical(string text) =>
        IPAddress.TryParse(text, out var ip) ? ip.ToString() : text.Trim().ToLowerInvariant();

    /// <summary>The DNS record type for an address: A or AAAA.</summary>
    public static string RecordType(string address) =>
        IPAddress.Parse(address).AddressFamily == AddressFamily.InterNetworkV6 ? "AAAA" : "A";
}

using System.Net;
using System.Net.Sockets;

namespace Infra.Policies.Inspection;

/// <summary>Classifies address ranges: the whole internet, private (RFC 1918, CGNAT, ULA), or public.</summary>
public static class Cidr
{
    public static bool IsWorld(string cidr) => cidr.Trim() is "0.0.0.0/0" or "::/0";

    /// <summary>True when every address of the range is private; unparsable ranges count as not private.</summary>
    public static bool IsPrivate(string cidr)
    {
        var parts = cidr.Trim().Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address) || !int.TryParse(parts[1], out var prefix))
            return false;
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return prefix >= 7 && (bytes[0] & 0xfe) == 0xfc;
        return (bytes[0] == 10 && prefix >= 8)
               || (bytes[0] == 172 && (bytes[1] & 0xf0) == 16 && prefix >= 12)
               || (bytes[0] == 192 && bytes[1] == 168 && prefix >= 16)
               || (bytes[0] == 100 && (bytes[1] & 0xc0) == 64 && prefix >= 10)
               || (bytes[0] == 127 && prefix >= 8);
    }
}

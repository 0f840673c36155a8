using System.Net;
using System.Net.Sockets;
using Infra.Platform.Network;

namespace Infra.Platform.Configuration;

/// <summary>
/// Values that are examples, not real settings: the names and address ranges reserved for
/// documentation, and checksums of one repeated digit. The shipped stack files use them so that
/// `infra plan` works out of the box; a production stack must not (see <see cref="ConfigReader.Placeholder"/>).
/// </summary>
public static class Placeholders
{
    // RFC 2606 and RFC 6761: second-level example domains and reserved top-level names.
    private static readonly string[] ExampleDomains = ["example.com", "example.net", "example.org"];
    private static readonly string[] ReservedTopLevel = ["example", "test", "invalid", "localhost"];

    // RFC 5737 (IPv4) and RFC 3849 (IPv6): address blocks for documentation.
    private static readonly Ipv4Cidr[] DocumentationV4 =
        [Ipv4Cidr.Parse("192.0.2.0/24"), Ipv4Cidr.Parse("198.51.100.0/24"), Ipv4Cidr.Parse("203.0.113.0/24")];

    /// <summary>What makes <paramref name="host"/> an example name (example.com, *.test), or null.</summary>
    public static string? ExampleHost(string host)
    {
        var name = host.Trim().TrimEnd('.').ToLowerInvariant();
        var domain = ExampleDomains.FirstOrDefault(d => name == d || name.EndsWith("." + d, StringComparison.Ordinal));
        if (domain is not null) return $"{domain} is reserved for examples";
        var top = name[(name.LastIndexOf('.') + 1)..];
        return ReservedTopLevel.Contains(top) ? $".{top} is reserved for examples and tests" : null;
    }

    /// <summary>What makes the URL's host an example name, or null.</summary>
    public static string? ExampleUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? ExampleHost(uri.IdnHost) : null;

    /// <summary>What makes a SHA-256 checksum a placeholder (one digit repeated, as in all zeros), or null.</summary>
    public static string? PlaceholderDigest(string hex)
    {
        var digits = hex.Trim().ToLowerInvariant();
        return digits.Length == 64 && digits.Distinct().Count() == 1
            ? $"the digit {digits[0]} 64 times, which no real file hashes to: servers would refuse every download"
            : null;
    }

    /// <summary>What makes an address a documentation address (192.0.2.0/24, 2001:db8::/32), or null.</summary>
    public static string? DocumentationAddress(string address)
    {
        if (!IPAddress.TryParse(address, out var ip)) return null;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = ip.GetAddressBytes();
            return bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8
                ? "2001:db8::/32 is reserved for documentation" : null;
        }
        return Ipv4Address.TryParse(ip.ToString(), out var v4) ? DocumentationRange(new Ipv4Cidr(v4, 32)) : null;
    }

    /// <summary>What makes a CIDR a documentation range, or null.</summary>
    public static string? DocumentationRange(Ipv4Cidr cidr)
    {
        foreach (var range in DocumentationV4)
            if (range.Overlaps(cidr)) return $"{range} is reserved for documentation";
        return null;
    }
}

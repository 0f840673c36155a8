using System.Text;

namespace Infra.Platform;

/// <summary>
/// A hash of a name that never changes (SHA-256 of its UTF-8 bytes), for names and numbers that must
/// derive from what a thing is: a shortened name stays the same on every run, machine and release.
/// </summary>
public static class StableHash
{
    /// <summary>The first four bytes of the digest, big-endian.</summary>
    public static uint Of(string text)
    {
        var digest = Digest(text);
        return (uint)(digest[0] << 24 | digest[1] << 16 | digest[2] << 8 | digest[3]);
    }

    /// <summary>The first <paramref name="digits"/> lower-case hex digits of the digest (1 to 64).</summary>
    public static string Hex(string text, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 64);
        return Convert.ToHexStringLower(Digest(text))[..digits];
    }

    private static byte[] Digest(string text)
    {
        var digest = new byte[32];
        Sha256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return digest;
    }

    /// <summary>
    /// <paramref name="name"/> itself when it is at most <paramref name="maxLength"/> characters; otherwise its
    /// start, then '-' and <paramref name="digits"/> hex digits of the hash of the whole name, in exactly
    /// <paramref name="maxLength"/> characters or fewer (a '-' that would end the start is dropped). Two names
    /// that share a long start still differ.
    /// </summary>
    public static string Shorten(string name, int maxLength, int digits = 6)
    {
        if (name.Length <= maxLength) return name;
        var keep = maxLength - digits - 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1, nameof(maxLength));
        return $"{name[..keep].TrimEnd('-')}-{Hex(name, digits)}";
    }
}

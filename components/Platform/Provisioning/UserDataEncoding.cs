using System.IO.Compression;
using System.Text;

namespace Infra.Platform.Provisioning;

/// <summary>
/// EC2 accepts at most 16 KiB of user-data before base64. A large fleet's peer list alone passes that,
/// so oversized user-data is gzipped (cloud-init detects and inflates gzip) and only then base64-encoded.
/// Fastest level: a 900-peer document still compresses to about 11 KB, at half the time of Optimal.
/// The result is deterministic (gzip header without timestamp) for a given runtime; a runtime whose zlib
/// compresses differently would change every server's user-data, so a golden test pins the bytes.
/// </summary>
public static class UserDataEncoding
{
    public const int MaxBytes = 16 * 1024;

    public static string ToBase64(string userData, string where)
    {
        var raw = Encoding.UTF8.GetBytes(userData);
        if (raw.Length <= MaxBytes) return Convert.ToBase64String(raw);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(raw);
        var compressed = buffer.ToArray();
        if (compressed.Length > MaxBytes)
            throw new ProvisioningException(
                $"{where}: user-data is {raw.Length} bytes ({compressed.Length} gzipped), over EC2's {MaxBytes}-byte limit; " +
                "move large content (e.g. the peer list) to a fetched file or shrink the fleet per cluster.");
        return Convert.ToBase64String(compressed);
    }
}

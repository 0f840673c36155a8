using System.IO.Compression;
using System.Text;

namespace Infra.Platform.Provisioning;

/// <summary>
/// EC2 accepts at most 16 KiB of user-data before base64. A large fleet's peer table alone passes that,
/// so oversized user-data is gzipped (cloud-init detects and inflates gzip) and only then base64-encoded.
/// Optimal level: a fleet compresses one document, once, so the 0.6 ms matter less than the headroom
/// (900 peers: about 11 KB, against 16 KB at Fastest, which leaves no room to grow).
/// The result is deterministic (gzip header without timestamp) for a given runtime; a runtime whose zlib
/// compresses differently would change the fleet's user-data, so a golden test pins the bytes.
/// </summary>
public static class UserDataEncoding
{
    public const int MaxBytes = 16 * 1024;

    public static string ToBase64(string userData, string where)
    {
        var raw = Encoding.UTF8.GetBytes(userData);
        if (raw.Length <= MaxBytes) return Convert.ToBase64String(raw);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(raw);
        var compressed = buffer.ToArray();
        if (compressed.Length > MaxBytes)
            throw new ProvisioningException(
                $"{where}: user-data is {raw.Length} bytes ({compressed.Length} gzipped), over EC2's {MaxBytes}-byte limit; " +
                "move large content (e.g. the peer table) to a fetched file or split the fleet into clusters.");
        return Convert.ToBase64String(compressed);
    }
}

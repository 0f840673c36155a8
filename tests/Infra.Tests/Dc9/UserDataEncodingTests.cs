using System.Security.Cryptography;
using System.Text;
using Infra.Platform.Provisioning;

namespace Infra.Tests.Dc9;

public class UserDataEncodingTests
{
    [Fact]
    public void Gzip_encoding_is_pinned_so_a_runtime_upgrade_cannot_silently_rewrite_the_fleets_user_data()
    {
        // If this fails after a .NET upgrade, the compressor's bytes changed: a large fleet's launch template
        // would get a new version on the next `pulumi up`. Decide deliberately (roll servers) before updating the hash.
        var text = "#cloud-config\n" + string.Concat(Enumerable.Range(0, 1500).Select(i => $"{{\"id\":\"server-{i}\",\"address\":\"10.0.{i / 250}.{i % 250}:7071\"}},\n"));
        var encoded = UserDataEncoding.ToBase64(text, "golden");
        Assert.Equal("gzip", Convert.FromBase64String(encoded) is [0x1f, 0x8b, ..] ? "gzip" : "raw");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(encoded)));
        Assert.Equal(GoldenHash, hash);
    }

    private const string GoldenHash = "85ab6cd6012cb380436073e1753433c8f0d0f8f8fb6321efffbbb50d75efc2bc";
}

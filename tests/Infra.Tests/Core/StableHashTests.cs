using Infra.Platform;

namespace Infra.Tests.Core;

/// <summary>The hash behind shortened names and derived numbers: fixed forever, since names and addresses depend on it.</summary>
public class StableHashTests
{
    [Fact]
    public void The_hash_is_sha256_of_the_utf8_text_and_never_changes()
    {
        // Pinned (printf billing | sha256sum): a change here renames resources and moves servers.
        Assert.Equal("0c95c7ec", StableHash.Hex("billing", 8));
        Assert.Equal(Convert.ToUInt32(StableHash.Hex("billing", 8), 16), StableHash.Of("billing"));
        Assert.Equal("4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce", StableHash.Hex("3", 64));
    }

    [Fact]
    public void A_name_that_fits_is_kept_and_a_longer_one_is_cut_with_a_hash_of_the_whole()
    {
        Assert.Equal("notifications", StableHash.Shorten("notifications", 17));
        Assert.Equal("billing-gateway-x", StableHash.Shorten("billing-gateway-x", 17));
        var shortened = StableHash.Shorten("notifications-gateway", 17);
        Assert.Equal($"notificati-{StableHash.Hex("notifications-gateway", 6)}", shortened);
        Assert.Equal(17, shortened.Length);
        // A cut that would end in '-' drops it.
        Assert.Equal($"abcdefghi-{StableHash.Hex("abcdefghi-jklmnopq", 6)}", StableHash.Shorten("abcdefghi-jklmnopq", 17));
        Assert.NotEqual(StableHash.Shorten("notifications-gateway", 17), StableHash.Shorten("notifications-worker", 17));
    }

    /// <summary>Every length around the block and padding boundaries (55, 56, 63, 64, 119, 120...), and multi-byte text.</summary>
    [Fact]
    public void The_managed_sha256_matches_the_platforms_for_every_length_across_two_blocks_and_the_fips_vectors()
    {
        var random = new Random(180_4);
        var digest = new byte[32];
        for (var length = 0; length <= 300; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            Sha256.HashData(message, digest);
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(message), digest);
        }

        // FIPS 180-4 examples: "abc" and the two-block 448-bit message.
        Sha256.HashData("abc"u8, digest);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Convert.ToHexStringLower(digest));
        Sha256.HashData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"u8, digest);
        Assert.Equal("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", Convert.ToHexStringLower(digest));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("gr\u00fc\u00dfe-\u670d\u52a1"u8)), StableHash.Hex("gr\u00fc\u00dfe-\u670d\u52a1", 64));
    }
}

using Infra.Platform.Network;
using Infra.Platform.Provisioning;

namespace Infra.Tests.Dc9;

public class ProvisioningValidationTests
{
    private static FleetProvisioningSpec WithPeer(int index, Func<FleetPeer, FleetPeer> change)
    {
        var peers = ProvisioningFixtures.Peers().ToList();
        peers[index] = change(peers[index]);
        return ProvisioningFixtures.Spec(peers);
    }

    public static IEnumerable<object[]> BadSpecs()
    {
        var good = ProvisioningFixtures.Spec();
        return
        [
            [WithPeer(1, p => p with { Services = [] }), "server 'server-2': no Services given", "never 'run everything'"],
            [WithPeer(1, p => p with { Services = ["Accounts"] }), "Service name 'Accounts' is invalid", "lowercase"],
            [WithPeer(1, p => p with { Services = ["events", "events"] }), "list a Service twice", "list each once"],
            [WithPeer(0, p => p with { NodeId = "Server_1" }), "node id 'Server_1'", "lowercase letters"],
            [WithPeer(0, p => p with { Name = "yes" }), "server name 'yes' is invalid", "lowercase letters"],
            [good with { Peers = [] }, "peer table is empty", "static address and Services"],
            [good with { Peers = [.. good.Peers, good.Peers[0] with { Address = Ipv4Address.Parse("10.0.80.30"), Name = "other" }] },
                "servers server-1 and server-1 share the node id server-1", "must be unique"],
            [good with { Peers = [.. good.Peers, good.Peers[1] with { NodeId = "server-10", Name = "host-10" }] },
                "share the static address 10.0.72.16", "finds its row by it"],
            [good with { Peers = [.. good.Peers, good.Peers[2] with { NodeId = "server-10", Address = Ipv4Address.Parse("10.0.80.30") }] },
                "share the server name host-3", "must be unique"],
            [WithPeer(2, p => p with { Port = 9000 }), "RAFT port 9000", "one port for all"],
            [good with { BusPort = 80 }, "bus port 80 must be 1024-65535", "without privileges"],
            [good with { AppPort = 7070 }, "must all differ", "app 7070"],
            [good with { DataDirectory = "var/lib/platform" }, "data directory 'var/lib/platform'", "absolute path"],
            [good with { DataDirectory = "/var" }, "is a system directory", "/var/lib/platform"],
            [good with { BinaryPath = "/usr/local/bin/plat form" }, "binary path", "absolute path"],
        ];
    }

    // Theory rows are the expected "what" (strings serialize), so each row is its own test case.
    public static TheoryData<string> BadSpecProblems => new(BadSpecs().Select(row => (string)row[1]));

    [Theory]
    [MemberData(nameof(BadSpecProblems))]
    public void Bad_specs_fail_before_anything_is_rendered(string what)
    {
        var row = BadSpecs().Single(r => (string)r[1] == what);
        var (spec, how) = ((FleetProvisioningSpec)row[0], (string)row[2]);
        var error = Assert.Throws<ProvisioningException>(() => CloudInitUserData.Render(spec));
        Assert.Contains(what, error.Message);
        Assert.Contains(how, error.Message);
    }

    [Theory]
    [InlineData("http://releases.example.com/p", "https://")]
    [InlineData("releases.example.com/p", "https://")]
    [InlineData("https://releases.example.com/p q", "whitespace")]
    [InlineData("https://releases.example.com/p'q", "quotes")]
    public void Downloads_must_be_https_and_shell_safe(string url, string hint)
    {
        var error = Assert.Throws<ProvisioningException>(() => new VerifiedDownload(url, ProvisioningFixtures.BinarySha, "infra:binaryUrl"));
        Assert.StartsWith("infra:binaryUrl.url: ", error.Message);
        Assert.Contains(hint, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("z123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Checksums_must_be_64_hex_digits(string sha)
    {
        var error = Assert.Throws<ProvisioningException>(() => new VerifiedDownload("https://example.com/p", sha, "infra:binary"));
        Assert.Contains("infra:binary.sha256", error.Message);
        Assert.Contains("64 hex digits that `sha256sum FILE` prints", error.Message);
    }

    [Fact]
    public void Checksum_case_is_normalised()
    {
        var download = new VerifiedDownload("https://example.com/p", ProvisioningFixtures.BinarySha.ToUpperInvariant(), "x");
        Assert.Equal(ProvisioningFixtures.BinarySha, download.Sha256.Hex);
    }

    [Fact]
    public void Empty_collector_endpoint_is_rejected()
    {
        var spec = ProvisioningFixtures.Spec();
        spec = spec with { Telemetry = spec.Telemetry with { OtlpEndpoint = " " } };
        Assert.Contains("telemetry OTLP endpoint", Assert.Throws<ProvisioningException>(() => CloudInitUserData.Render(spec)).Message);
    }
}

using System.Text.Json;
using Infra.Platform.Provisioning;

namespace Infra.Tests.Dc9;

/// <summary>
/// The identity script, run for real with /bin/sh and curl against a stub IMDSv2 on 127.0.0.1 (its base
/// URL and the configuration directory overridden through the script's two environment variables): a
/// planned address gets its row's identity and the RAFT peer file; any other address gets nothing and a
/// non-zero exit, which keeps platform.service from starting.
/// </summary>
public class NodeIdentityRealizationTests
{
    private static RealTool.Result RunIdentity(TempDir dir, StubImds imds, string? table = null)
    {
        RealTool.Require("curl");
        var spec = ProvisioningFixtures.Spec();
        dir.Write("etc/peers", table ?? PeerTable.Render(spec));
        var script = dir.Write("platform-identity", NodeIdentity.RenderScript(spec), executable: true);
        return RealTool.Run("env", $"{NodeIdentity.ImdsUrlVariable}={imds.BaseUrl}", $"{NodeIdentity.ConfigDirectoryVariable}={Path.Combine(dir.Path, "etc")}",
            "/bin/sh", script);
    }

    [Fact]
    public void A_planned_address_gets_its_rows_identity_and_the_raft_peer_file()
    {
        using var dir = new TempDir();
        using var imds = new StubImds("10.0.64.17");
        var result = RunIdentity(dir, imds);

        Assert.True(result.ExitCode == 0, result.Both);
        Assert.Equal(["PUT /latest/api/token", "GET /latest/meta-data/local-ipv4"], imds.Requests);
        // The bus peers: every other server of the table, in table order, at the bus port.
        var otherBusEndpoints = string.Join(",", PeerTable.Parse(PeerTable.Render(ProvisioningFixtures.Spec()))
            .Where(r => r.Address != "10.0.64.17").Select(r => $"{r.Address}:7070"));
        Assert.Equal(8, otherBusEndpoints.Split(',').Length);
        Assert.Equal(
            "PLATFORM_NODE_ID=server-4\nPLATFORM_NODE_NAME=host-4\nPLATFORM_SERVICES=events,gateway\n" +
            $"PLATFORM_PEERS={otherBusEndpoints}\n" +
            "OTEL_RESOURCE_ATTRIBUTES=deployment.environment=dev,service.instance.id=server-4\n",
            File.ReadAllText(Path.Combine(dir.Path, "etc", "identity.env")));
        Assert.Contains("10.0.64.17 is host-4 (node server-4), running Services events,gateway", result.StdOut);

        // The binary's peer file: every server at its static address and the RAFT port, in table order.
        using var peers = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "etc", "raft-peers.json")));
        var entries = peers.RootElement.EnumerateArray().Select(e => $"{e.GetProperty("id")}={e.GetProperty("address")}").ToList();
        Assert.Equal(9, entries.Count);
        Assert.Contains("server-1=10.0.64.16:7071", entries);
        Assert.Contains("server-4=10.0.64.17:7071", entries);
        Assert.Equal(PeerTable.Parse(PeerTable.Render(ProvisioningFixtures.Spec())).Select(r => $"{r.NodeId}={r.Address}:7071"), entries);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(dir.Path, "etc"), ".*"));
    }

    [Fact]
    public void An_unknown_address_fails_loudly_and_leaves_no_identity()
    {
        using var dir = new TempDir();
        // A stale identity from an earlier boot must not survive a failed lookup.
        dir.Write("etc/identity.env", "PLATFORM_SERVICES=accounts\n");
        using var imds = new StubImds("10.0.99.99");
        var result = RunIdentity(dir, imds);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("platform-identity: no row for 10.0.99.99 in the peer table", result.StdErr);
        Assert.Contains("platform.service will not start", result.StdErr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "etc", "identity.env")));
        Assert.False(File.Exists(Path.Combine(dir.Path, "etc", "raft-peers.json")));
    }

    [Fact]
    public void A_row_without_services_is_refused_never_run_with_an_empty_list()
    {
        using var dir = new TempDir();
        using var imds = new StubImds("10.0.64.16");
        var table = PeerTable.Render(ProvisioningFixtures.Spec()).Replace("server-1 host-1 10.0.64.16 accounts\n", "server-1 host-1 10.0.64.16\n");
        var result = RunIdentity(dir, imds, table);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("has 3 fields, not 4 (node_id name address services); an empty Services list is never run", result.StdErr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "etc", "identity.env")));
    }

    [Fact]
    public void The_script_speaks_imdsv2_and_a_partial_address_match_is_no_match()
    {
        // 10.0.64.1 is a prefix of 10.0.64.16 and 10.0.64.17: only a whole-field match may count.
        using var dir = new TempDir();
        using var imds = new StubImds("10.0.64.1");
        var result = RunIdentity(dir, imds);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no row for 10.0.64.1 ", result.StdErr);
        Assert.Equal("PUT /latest/api/token", imds.Requests.First());
    }
}

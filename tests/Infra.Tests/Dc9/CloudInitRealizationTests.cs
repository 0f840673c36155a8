using Infra.Platform.Provisioning;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>The generated user-data is checked by cloud-init itself (Debian package cloud-init).</summary>
public class CloudInitRealizationTests
{
    [Fact]
    public void Generated_user_data_passes_cloud_init_schema()
    {
        using var dir = new TempDir();
        var file = dir.Write("user-data.yaml", CloudInitUserData.Render(ProvisioningFixtures.Spec()));
        var result = RealTool.Run("cloud-init", "schema", "--config-file", file);
        Assert.True(result.ExitCode == 0, result.Both);
        Assert.Contains("Valid cloud-config", result.StdOut);
    }

    [Fact]
    public void Cloud_init_schema_check_really_rejects_a_broken_file()
    {
        // Guards the test above against a validator that accepts anything.
        using var dir = new TempDir();
        var broken = CloudInitUserData.Render(ProvisioningFixtures.Spec()).Replace("package_update: true", "package_update: 17");
        var file = dir.Write("user-data.yaml", broken);
        var result = RealTool.Run("cloud-init", "schema", "--config-file", file);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("package_update", result.Both);
    }

    [Fact]
    public void User_data_writes_every_file_and_starts_the_units_once()
    {
        var text = CloudInitUserData.Render(ProvisioningFixtures.Spec());
        Assert.StartsWith("#cloud-config\n", text);
        var root = (YamlMappingNode)Load(text);
        var files = ((YamlSequenceNode)root["write_files"]).Cast<YamlMappingNode>()
            .ToDictionary(f => f["path"].ToString(), f => f);
        Assert.Equal(
            [
                "/etc/platform/peers", "/etc/platform/otelcol.yaml", "/usr/local/sbin/platform-install",
                "/etc/systemd/system/platform-install.service", "/usr/local/sbin/platform-identity", "/etc/systemd/system/platform-identity.service",
                "/etc/systemd/system/otelcol-contrib.service.d/platform-identity.conf",
                "/usr/local/sbin/platform-prepare-data", "/etc/systemd/system/platform-data.service", "/etc/platform/platform.env",
                "/etc/systemd/system/platform.service",
            ],
            files.Keys);
        Assert.Equal("0755", files["/usr/local/sbin/platform-install"]["permissions"].ToString());
        Assert.Equal("0755", files["/usr/local/sbin/platform-identity"]["permissions"].ToString());
        Assert.Equal(PlatformServiceUnit.Render(ProvisioningFixtures.Spec()), files["/etc/systemd/system/platform.service"]["content"].ToString());
        Assert.Equal(PeerTable.Render(ProvisioningFixtures.Spec()), files["/etc/platform/peers"]["content"].ToString());
        Assert.Equal(PlatformServiceUnit.RenderEnvironment(ProvisioningFixtures.Spec()), files["/etc/platform/platform.env"]["content"].ToString());
        var runcmd = ((YamlSequenceNode)root["runcmd"]).Select(c => string.Join(' ', (YamlSequenceNode)c)).ToList();
        // Started, not waited for: the install step may wait minutes for the network (it retries).
        Assert.Equal(
            [
                "systemctl daemon-reload",
                "systemctl enable --now --no-block platform-install.service platform-identity.service platform-data.service platform.service",
            ],
            runcmd);
        // The service user must exist before the units run, and the default login user must survive.
        var users = (YamlSequenceNode)root["users"];
        Assert.Equal("default", users[0].ToString());
        Assert.Equal("platform", ((YamlMappingNode)users[1])["name"].ToString());
    }

    [Fact]
    public void Peer_table_lists_every_server_with_its_name_static_address_and_services_once()
    {
        var table = PeerTable.Render(ProvisioningFixtures.Spec());
        var rows = PeerTable.Parse(table);
        Assert.Equal(9, rows.Count);
        Assert.All(rows, r => Assert.Equal(4, r.Fields));
        Assert.Contains("server-1 host-1 10.0.64.16 accounts\n", table);
        Assert.Contains("server-2 host-2 10.0.72.16 events\n", table);
        Assert.Contains("server-4 host-4 10.0.64.17 events,gateway\n", table);
        // Sorted by node id (ordinal), whatever the placement order.
        Assert.Equal(rows.Select(r => r.NodeId).Order(StringComparer.Ordinal), rows.Select(r => r.NodeId));
        // One copy of the table in the whole user-data.
        var userData = CloudInitUserData.Render(ProvisioningFixtures.Spec());
        Assert.Single(userData.Split('\n'), l => l.Contains("10.0.64.17", StringComparison.Ordinal));
    }

    [Fact]
    public void Install_script_refuses_unverified_downloads()
    {
        var script = InstallScript.Render(ProvisioningFixtures.Spec());
        Assert.Contains("sha256sum --check --strict", script);
        Assert.Contains("--proto '=https'", script);
        Assert.Contains($"fetch 'https://releases.example.com/platform/1.4.2/platform-linux-amd64' {ProvisioningFixtures.BinarySha} platform", script);
        Assert.Contains($"{ProvisioningFixtures.CollectorSha} otelcol.deb", script);
        Assert.Contains("set -eu", script);
    }

    [Fact]
    public void Install_script_checksum_step_works_in_a_real_shell()
    {
        // Runs the script's own verification line against a real file: a right sum passes, a wrong one stops.
        using var dir = new TempDir();
        var artefact = dir.Write("platform", "binary bytes\n");
        var sum = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(artefact)));
        var good = RealTool.Run("sh", "-c", $"echo \"{sum}  {artefact}\" | sha256sum --check --strict --quiet -");
        Assert.True(good.ExitCode == 0, good.Both);
        var bad = RealTool.Run("sh", "-c", $"echo \"{ProvisioningFixtures.BinarySha}  {artefact}\" | sha256sum --check --strict --quiet -");
        Assert.NotEqual(0, bad.ExitCode);
    }

    [Fact]
    public void Generated_scripts_parse_in_a_posix_shell()
    {
        using var dir = new TempDir();
        foreach (var (name, script) in new[]
                 {
                     ("install", InstallScript.Render(ProvisioningFixtures.Spec())),
                     ("prepare", DataVolumeUnit.RenderScript(ProvisioningFixtures.Spec())),
                     ("identity", NodeIdentity.RenderScript(ProvisioningFixtures.Spec())),
                 })
        {
            var result = RealTool.Run("sh", "-n", dir.Write(name, script));
            Assert.True(result.ExitCode == 0, $"{name}: {result.Both}");
        }
    }

    [Fact]
    public void Collector_config_receives_locally_and_exports_to_the_gateway()
    {
        var root = (YamlMappingNode)Load(OtelCollectorConfig.Render(ProvisioningFixtures.Spec()));
        var receivers = (YamlMappingNode)root["receivers"];
        Assert.Equal("127.0.0.1:4317", receivers["otlp"]["protocols"]["grpc"]["endpoint"].ToString());
        Assert.Equal("otel-gateway.example.internal:4317", root["exporters"]["otlp"]["endpoint"].ToString());
        Assert.Equal("false", root["exporters"]["otlp"]["tls"]["insecure"].ToString());
        var pipelines = (YamlMappingNode)root["service"]["pipelines"];
        Assert.Equal(["traces", "metrics", "logs"], pipelines.Children.Keys.Select(k => k.ToString()));
        // One config for the fleet: the node's identity comes from the environment the drop-in loads.
        var attributes = ((YamlSequenceNode)root["processors"]["resource"]["attributes"]).Cast<YamlMappingNode>()
            .ToDictionary(a => a["key"].ToString(), a => a["value"].ToString());
        Assert.Equal("${env:PLATFORM_NODE_ID}", attributes["service.instance.id"]);
        Assert.Equal("${env:PLATFORM_SERVICES}", attributes["platform.services"]);
        Assert.Contains("EnvironmentFile=-/etc/platform/identity.env\n", OtelCollectorDropIn.Render());
        Assert.Contains("After=platform-identity.service\n", OtelCollectorDropIn.Render());
    }

    [Fact]
    public void Rendering_is_deterministic_and_independent_of_peer_order()
    {
        var spec = ProvisioningFixtures.Spec();
        var shuffled = spec with { Peers = spec.Peers.Reverse().ToList() };
        Assert.Equal(CloudInitUserData.Render(spec), CloudInitUserData.Render(spec));
        Assert.Equal(CloudInitUserData.Render(spec), CloudInitUserData.Render(shuffled));
    }

    [Fact]
    public void Oversized_user_data_is_gzipped_and_still_inflates_to_the_original()
    {
        var small = "#cloud-config\n";
        Assert.Equal(small, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(UserDataEncoding.ToBase64(small, "server-1"))));
        var big = "#cloud-config\n" + string.Concat(Enumerable.Repeat("# peer line that repeats a lot\n", 2000));
        var encoded = Convert.FromBase64String(UserDataEncoding.ToBase64(big, "server-1"));
        Assert.True(encoded.Length <= UserDataEncoding.MaxBytes);
        Assert.Equal([0x1f, 0x8b], encoded[..2]);
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(encoded), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        Assert.Equal(big, reader.ReadToEnd());
        Assert.Equal(UserDataEncoding.ToBase64(big, "x"), UserDataEncoding.ToBase64(big, "x"));
        var random = new Random(7);
        var noise = new string(Enumerable.Range(0, 40_000).Select(_ => (char)random.Next(33, 126)).ToArray());
        var error = Assert.Throws<ProvisioningException>(() => UserDataEncoding.ToBase64(noise, "server-9"));
        Assert.StartsWith("server-9: user-data is 40000 bytes", error.Message);
    }

    private static YamlNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }
}

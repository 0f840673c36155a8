using System.Text.Json.Nodes;
using Infra.Stacks.Global;
using Infra.Tests.Dc9;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Global;

/// <summary>
/// The cluster nodes' cloud-init, checked by the real tools: cloud-init's schema, systemd-analyze verify for the
/// units (in a throw-away root, with stand-ins for the packages' own consul and nomad units), shellcheck for the
/// boot scripts; and the agent configuration it writes holds the keys that secure the cluster.
/// </summary>
public class ClusterNodeUserDataTests
{
    public static TheoryData<ClusterRole> Roles => new(ClusterRole.Server, ClusterRole.K3sClient, ClusterRole.WorkerClient);

    private static string Render(ClusterRole role) =>
        ClusterNodeUserData.Render(new ClusterNodeUserData.Spec(role, "global", "london", "eu-west-2", 3, "/infra/global/london/cluster"));

    private static Dictionary<string, string> Files(string userData)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(userData));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return ((YamlSequenceNode)root["write_files"]).Cast<YamlMappingNode>().ToDictionary(f => f["path"].ToString(), f => f["content"].ToString());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void The_user_data_passes_cloud_init_schema(ClusterRole role)
    {
        using var dir = new TempDir();
        var result = RealTool.Run("cloud-init", "schema", "--config-file", dir.Write("user-data.yaml", Render(role)));
        Assert.True(result.ExitCode == 0, result.Both);
        Assert.Contains("Valid cloud-config", result.StdOut);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void The_units_pass_systemd_analyze_verify(ClusterRole role)
    {
        var files = Files(Render(role));
        using var root = new TempDir();
        const string targets = "/usr/lib/systemd/system";
        foreach (var file in Directory.EnumerateFiles(targets))
            if (!new FileInfo(file).Attributes.HasFlag(FileAttributes.ReparsePoint))
                root.Write(Path.Combine(targets, Path.GetFileName(file)), File.ReadAllText(file));
        // The HashiCorp packages ship these units; our drop-ins extend them.
        foreach (var tool in new[] { "consul", "nomad" })
        {
            root.Write($"{targets}/{tool}.service", $"[Unit]\nDescription={tool} stand-in\n[Service]\nExecStart=/usr/bin/{tool} agent\n[Install]\nWantedBy=multi-user.target\n");
            root.Write($"/usr/bin/{tool}", "#!/bin/sh\n", executable: true);
        }
        var units = new List<string> { $"{targets}/consul.service", $"{targets}/nomad.service" };
        foreach (var (path, content) in files.Where(f => f.Key.StartsWith("/etc/systemd/system/", StringComparison.Ordinal) || f.Key.StartsWith("/usr/local/sbin/", StringComparison.Ordinal)))
        {
            root.Write(path, content, executable: path.StartsWith("/usr/local/sbin/", StringComparison.Ordinal));
            if (path.EndsWith(".service", StringComparison.Ordinal)) units.Add(path);
        }
        var result = RealTool.Run("systemd-analyze", ["verify", $"--root={root.Path}", "--man=no", .. units]);
        Assert.True(result.ExitCode == 0 && result.StdErr.Trim().Length == 0, result.Both);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void The_boot_scripts_pass_shellcheck(ClusterRole role)
    {
        using var dir = new TempDir();
        foreach (var (path, content) in Files(Render(role)).Where(f => f.Key.StartsWith("/usr/local/sbin/", StringComparison.Ordinal)))
        {
            var result = RealTool.Run("shellcheck", "--shell=sh", "--severity=warning", dir.Write(Path.GetFileName(path), content));
            Assert.True(result.ExitCode == 0, $"{path}: {result.Both}");
        }
    }

    [Fact]
    public void Servers_and_clients_load_secured_agent_configs_and_only_k3s_clients_may_run_privileged()
    {
        var server = Files(Render(ClusterRole.Server));
        var consul = JsonNode.Parse(server[ClusterNodeUserData.ConsulTemplate])!;
        var nomad = JsonNode.Parse(server[ClusterNodeUserData.NomadTemplate])!;
        Assert.Equal("${CONSUL_GOSSIP_KEY}", (string)consul["encrypt"]!);
        Assert.Equal("deny", (string)consul["acl"]!["default_policy"]!);
        Assert.Equal("${NOMAD_GOSSIP_KEY}", (string)nomad["server"]!["encrypt"]!);
        Assert.Contains("tag_key=cluster-server tag_value=global-london", consul["retry_join"]![0]!.ToString());
        Assert.Contains(ClusterNodeUserData.AclScript, server.Keys);

        var k3s = JsonNode.Parse(Files(Render(ClusterRole.K3sClient))[ClusterNodeUserData.NomadTemplate])!;
        var worker = JsonNode.Parse(Files(Render(ClusterRole.WorkerClient))[ClusterNodeUserData.NomadTemplate])!;
        Assert.True((bool)k3s["plugin"]!["docker"]!["config"]!["allow_privileged"]!);
        Assert.False((bool)worker["plugin"]!["docker"]!["config"]!["allow_privileged"]!);
        Assert.DoesNotContain(ClusterNodeUserData.AclScript, Files(Render(ClusterRole.WorkerClient)).Keys);
    }

    [Fact]
    public void The_user_data_holds_no_secret_and_substitutes_only_its_own_variables()
    {
        var text = Render(ClusterRole.Server);
        Assert.DoesNotContain("BEGIN", text);
        Assert.Contains("envsubst '${CONSUL_GOSSIP_KEY} ${CONSUL_AGENT_TOKEN} ${CONSUL_MANAGEMENT_TOKEN}'", text);
        Assert.Contains("consul=1.20.2-1", text);
        Assert.Contains("nomad=1.11.3-1", text);
    }
}

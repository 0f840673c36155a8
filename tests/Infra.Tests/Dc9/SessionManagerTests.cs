using Infra.Platform.Configuration;
using Infra.Platform.Provisioning;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>
/// How an operator gets a shell: Session Manager, with no key pair and no SSH ingress by default. It needs the
/// SSM agent, which Debian's images do not ship, so the bastion and every server install it (verified, retried)
/// and the instance roles allow it.
/// </summary>
public class SessionManagerTests
{
    private const string Url = ProvisioningFixtures.SsmAgentUrl;
    private const string Sha = ProvisioningFixtures.SsmAgentSha;

    private static readonly Lazy<YamlMappingNode> Program = new(() => ProgramYaml.Parse(Dc9Synth.Yaml()));

    private static YamlMappingNode Resources => (YamlMappingNode)Program.Value["resources"];

    public static TheoryData<string> UserDataOwners => new() { "fleet-template", "bastion-instance" };

    private static string UserDataOf(string resource)
    {
        var userData = Resources.At(resource, "properties", "userData");
        var text = userData is YamlMappingNode call ? call.At("fn::toBase64").Text() : userData.Text();
        return text.Replace("$$", "$");
    }

    [Theory]
    [MemberData(nameof(UserDataOwners))]
    public void The_bastion_and_every_server_install_and_start_the_pinned_agent(string owner)
    {
        var userData = UserDataOf(owner);
        Assert.Contains($"fetch '{Url}' {Sha} amazon-ssm-agent.deb\n", userData);
        Assert.Contains("dpkg -i \"$work/amazon-ssm-agent.deb\"\n", userData);
        Assert.Contains("systemctl enable --now amazon-ssm-agent.service\n", userData);
        var root = ProgramYaml.Parse(userData);
        var runcmd = ((YamlSequenceNode)root["runcmd"]).Select(c => string.Join(' ', (YamlSequenceNode)c)).ToList();
        Assert.Contains(runcmd, c => c.StartsWith("systemctl enable --now --no-block platform-install.service", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bastion-role", "bastion-ssm")]
    [InlineData("fleet-role", "fleet-ssm")]
    public void Both_instance_roles_allow_session_manager(string role, string attachment)
    {
        Assert.Equal("aws:iam/role:Role", Resources.At(role, "type").Text());
        Assert.Equal($"${{{role}.name}}", Resources.At(attachment, "properties", "role").Text());
        Assert.Equal("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", Resources.At(attachment, "properties", "policyArn").Text());
    }

    [Fact]
    public void The_outputs_name_every_session_manager_target()
    {
        var outputs = (YamlMappingNode)Program.Value["outputs"];
        Assert.Equal("${bastion-instance.id}", outputs.At("bastionInstanceId").Text());
        var servers = (YamlMappingNode)outputs.At("serverInstanceIds");
        Assert.Equal(9, servers.Children.Count);
        Assert.All(servers.Children, s => Assert.Equal($"${{fleet-{s.Key}.id}}", s.Value.Text()));
    }

    [Fact]
    public void The_bastion_user_data_passes_cloud_init_schema_and_its_script_parses()
    {
        using var dir = new TempDir();
        var userData = BastionUserData.Render(ProvisioningFixtures.SessionManager);
        var schema = RealTool.Run("cloud-init", "schema", "--config-file", dir.Write("bastion.yaml", userData));
        Assert.True(schema.ExitCode == 0, schema.Both);
        Assert.Contains("Valid cloud-config", schema.StdOut);
        var script = RealTool.Run("sh", "-n", dir.Write("install", InstallScript.RenderForBastion(ProvisioningFixtures.SessionManager)));
        Assert.True(script.ExitCode == 0, script.Both);
        // The bastion runs no platform binary: the policies must not mistake it for a server.
        Assert.DoesNotContain("--services", userData);
        Assert.DoesNotContain("PLATFORM_", userData);
    }

    public static TheoryData<string, string?, string> BadValues => new()
    {
        { "ssmAgentPackageUrl", null, "infra:ssmAgentPackageUrl: is required and not set." },
        { "ssmAgentPackageSha256", null, "infra:ssmAgentPackageSha256: is required and not set: servers install nothing they cannot verify." },
        { "ssmAgentPackageUrl", "https://s3.amazonaws.com/ec2-downloads-windows/SSMAgent/latest/debian_amd64/amazon-ssm-agent.deb",
            "names the 'latest' release, whose file changes under its pinned checksum with every AWS release." },
        { "ssmAgentPackageUrl", "https://s3.eu-west-1.amazonaws.com/amazon-ssm-eu-west-1/3.3.1142.0/linux_amd64/amazon-ssm-agent.rpm",
            "is not a .deb; servers install the agent with dpkg." },
        { "ssmAgentPackageUrl", "http://s3.amazonaws.com/agent.deb", "is not an https:// URL" },
        { "ssmAgentPackageSha256", "xyz", "infra:ssmAgentPackageSha256: 'xyz' is not a SHA-256 checksum" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Bad_agent_settings_are_config_errors(string key, string? value, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(Dc9Synth.With(key, value)));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("binarySha256")]
    [InlineData("otelcolPackageSha256")]
    [InlineData("ssmAgentPackageSha256")]
    public void A_production_stack_refuses_the_all_zero_placeholder_checksum(string key)
    {
        var zero = new string('0', 64);
        var yaml = Dc9Synth.With(key, $"\"{zero}\"").Replace("infra:environment: dev", "infra:environment: production");
        var error = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(yaml));
        Assert.Contains($"infra:{key} = \"{zero}\": is a placeholder (the digit 0 64 times", error.Message);
        Assert.Contains("a production stack needs the real value", error.Message);
        // A dev stack may still try the example values out.
        Assert.Contains("amazon-ssm-agent.deb", Dc9Synth.Yaml(Dc9Synth.With(key, $"\"{zero}\"")));
    }
}

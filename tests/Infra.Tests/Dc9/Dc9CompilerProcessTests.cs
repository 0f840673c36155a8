using Infra.Tests.Support;

namespace Infra.Tests.Dc9;

/// <summary>The built tool run as Pulumi runs it for a dc9 stack: config only through PULUMI_CONFIG.</summary>
public class Dc9CompilerProcessTests
{
    // As Pulumi passes the example stack: every value a string, lists and objects JSON-encoded.
    private const string ConfigJson = """
        {"infra:environment":"dev","infra:owner":"platform-team","infra:region":"eu-west-1","infra:domain":"dev.example.com",
         "infra:dnsProvider":"route53","infra:route53ZoneId":"Z0123456789EXAMPLE","infra:sshCidrs":"[\"203.0.113.0/24\"]",
         "infra:natStrategy":"single",
         "infra:binaryUrl":"https://releases.example.com/platform/1.4.2/platform-linux-amd64",
         "infra:binarySha256":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
         "infra:otelcolPackageUrl":"https://github.com/open-telemetry/opentelemetry-collector-releases/releases/download/v0.115.1/otelcol-contrib_0.115.1_linux_amd64.deb",
         "infra:otelcolPackageSha256":"fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
         "infra:ssmAgentPackageUrl":"https://s3.eu-west-1.amazonaws.com/amazon-ssm-eu-west-1/3.3.1142.0/debian_amd64/amazon-ssm-agent.deb",
         "infra:ssmAgentPackageSha256":"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
         "infra:otlpEndpoint":"otel.example.com:4317"}
        """;

    private static Dictionary<string, string> Environment(string config) => new()
    {
        ["PULUMI_STACK"] = "dc9",
        ["PULUMI_PROJECT"] = "infra",
        ["PULUMI_ORGANIZATION"] = "organization",
        ["PULUMI_ROOT_DIRECTORY"] = RepoPaths.Root,
        ["PULUMI_CONFIG"] = config,
    };

    [Fact]
    public void With_pulumi_config_it_prints_the_dc9_program_equal_to_the_snapshot()
    {
        var result = InfraProcess.Run(RepoPaths.Root, Environment(ConfigJson), "synth");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Snapshots, "dc9.yaml")), result.Stdout);
    }

    [Fact]
    public void A_placement_object_arrives_as_json_text_and_is_validated()
    {
        var config = ConfigJson.Replace("\"infra:natStrategy\":\"single\"", "\"infra:natStrategy\":\"single\",\"infra:placement\":\"{\\\"gateway\\\":3,\\\"accounts\\\":3,\\\"events\\\":2}\"");
        var result = InfraProcess.Run(RepoPaths.Root, Environment(config), "synth");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("infra:placement = \"8\": is the total number of servers (RAFT peers)", result.Stderr);
    }
}

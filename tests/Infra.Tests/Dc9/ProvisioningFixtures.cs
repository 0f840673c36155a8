using Infra.Platform.Configuration;
using Infra.Platform.Network;
using Infra.Platform.Provisioning;

namespace Infra.Tests.Dc9;

/// <summary>A dc9-shaped fleet: 9 nodes, 3 per private subnet over 3 AZs, addresses from the real planner.</summary>
internal static class ProvisioningFixtures
{
    public const string BinarySha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    public const string CollectorSha = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
    public const string SsmAgentSha = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    public const string SsmAgentUrl = "https://s3.eu-west-1.amazonaws.com/amazon-ssm-eu-west-1/3.3.1142.0/debian_amd64/amazon-ssm-agent.deb";

    public static SessionManagerAgent SessionManager => new(new VerifiedDownload(SsmAgentUrl, SsmAgentSha, "infra:ssmAgentPackage"));

    /// <summary>server-1..N; server-4 runs two Services, the others one of accounts/events/gateway in turn.</summary>
    public static IReadOnlyList<FleetPeer> Peers(int count = 9)
    {
        var plan = SubnetPlanner.Plan(new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), 3, [new(SubnetTier.Public), new(SubnetTier.Private)]));
        var blocks = Enumerable.Range(0, 3).Select(az => StaticAddressBlock.Reserve(plan.Get(SubnetTier.Private, az).Cidr, 16)).ToList();
        string[] services = ["accounts", "events", "gateway"];
        return Enumerable.Range(0, count)
            .Select(i => new FleetPeer($"server-{i + 1}", $"host-{i + 1}", blocks[i % 3].AddressOf(i / 3), FleetProvisioningSpec.DefaultRaftPort,
                i == 3 ? ["events", "gateway"] : [services[i % 3]]))
            .ToList();
    }

    public const string Routes = """[{"host":"api","pathPrefix":"/accounts/","service":"accounts"},{"host":"api","pathPrefix":"/","service":"gateway"}]""";

    public static FleetProvisioningSpec Spec(IReadOnlyList<FleetPeer>? peers = null) => new()
    {
        Peers = peers ?? Peers(),
        Environment = DeploymentEnvironment.Dev,
        Routes = Routes,
        LogLevel = LogLevel.Info,
        Binary = new VerifiedDownload("https://releases.example.com/platform/1.4.2/platform-linux-amd64", BinarySha, "infra:binary"),
        Telemetry = new OtelCollectorAgent(
            new VerifiedDownload(
                "https://github.com/open-telemetry/opentelemetry-collector-releases/releases/download/v0.115.1/otelcol-contrib_0.115.1_linux_amd64.deb",
                CollectorSha, "infra:otelcolPackage"),
            "otel-gateway.example.internal:4317"),
        SessionManager = SessionManager,
    };
}

using Infra.Constructs.Aws;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Network;
using Infra.Providers.Generated;
using Infra.Synthesis;

namespace Infra.Stacks.Dc9;

/// <summary>
/// The dc9 tier: one AWS region, a VPC over three AZs, an internet-facing ALB with TLS in front of nine
/// servers in private subnets (each running one Service), a bastion, and a RAFT store whose peers sit
/// at fixed addresses, three per AZ, so that no AZ or server is a single point of failure.
/// </summary>
public sealed class Dc9Tier : ITier
{
    /// <summary>Official Debian images are published by this account.</summary>
    public const string DebianImageOwner = "136693071363";
    public const int RaftPort = 7071;

    public Tier Tier => Tier.Dc9;

    public IReadOnlyList<ConfigKey> Keys { get; } = [.. CommonKeys.All, .. Dc9Keys.All];

    public StackIdentity Build(Blueprint blueprint, ConfigReader config)
    {
        var platform = PlatformSettings.Read(config);
        var dc9 = Dc9Settings.Read(config, platform);
        config.CheckUnknownKeys();
        config.ThrowIfInvalid();
        var stack = new StackIdentity(config.Stack, Tier.Dc9, platform);
        Compose(blueprint, stack, dc9, FleetLayout.Default);
        return stack;
    }

    /// <summary>
    /// Builds the tier from validated settings. <paramref name="layout"/> sizes the static address plan;
    /// the benchmark uses it for its 90- and 900-server fleets.
    /// </summary>
    public static void Compose(Blueprint blueprint, StackIdentity stack, Dc9Settings dc9, FleetLayout layout)
    {
        var platform = stack.Settings;
        var tags = stack.Tags.ToDictionary(t => t.Key, t => (Input<string>)t.Value);
        if (platform.Environment == DeploymentEnvironment.Dev) tags["expiry"] = dc9.ExpiresOn ?? "weekend-teardown";
        var aws = new Aws.AwsProvider(blueprint, "aws", new Aws.AwsProviderArgs
        {
            Region = dc9.Region,
            DefaultTags = new Aws.ProviderDefaultTags { Tags = tags },
        });
        blueprint.UseProvider(aws);

        IReadOnlyList<Input<string>> zones = dc9.AvailabilityZones is { } named
            ? named.Select(z => (Input<string>)z).ToList()
            : ZonesOfRegion(blueprint, aws, dc9.AzCount);
        Input<string> ami = dc9.AmiId is { } image ? image : blueprint.Variable<string>("serverAmi", Aws.Ec2.GetAmi(aws, new()
        {
            Filters = [new() { Name = "name", Values = ["debian-12-amd64-*"] }, new() { Name = "architecture", Values = ["x86_64"] }],
            MostRecent = true,
            Owners = [DebianImageOwner],
        }).Id.Expr);

        var network = new Vpc(blueprint, "network", new VpcProps
        {
            Stack = stack,
            Region = dc9.Region,
            Cidr = dc9.VpcCidr,
            AvailabilityZones = zones,
            IsolatedTier = dc9.IsolatedSubnets,
            Nat = dc9.Nat,
            FlowLogRetentionDays = platform.IsProduction ? 365 : 30,
        });
        var otlpPort = int.Parse(dc9.Telemetry.OtlpEndpoint[(dc9.Telemetry.OtlpEndpoint.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var firewall = new SecurityGroups(blueprint, "sg", new SecurityGroupsProps
        {
            Stack = stack,
            Vpc = network,
            RaftPort = RaftPort,
            SshCidrs = dc9.SshCidrs,
            ServerEgressPorts = [otlpPort],
        });
        var bastion = new Bastion(blueprint, "bastion", new BastionProps
        {
            Stack = stack,
            Subnet = network.PublicSubnets[0],
            SecurityGroup = firewall.Bastion,
            Ami = ami,
            InstanceType = dc9.BastionInstanceType,
            KeyName = dc9.SshKeyName,
            SessionManager = dc9.SessionManager,
        });
        var dns = new Dns(blueprint, "dns", new DnsProps
        {
            Stack = stack,
            Provider = dc9.Dns,
            Domain = dc9.Domain,
            Route53ZoneId = dc9.Route53ZoneId,
            CloudflareZoneId = dc9.CloudflareZoneId,
        });
        var services = platform.Services.Services.Where(s => dc9.Placement.ContainsKey(s.Name)).ToList();
        var alb = new Alb(blueprint, "alb", new AlbProps
        {
            Stack = stack,
            Vpc = network,
            SecurityGroup = firewall.Alb,
            Dns = dns,
            Services = services,
            Routes = platform.Routes,
            DeletionProtection = platform.Environment != DeploymentEnvironment.Dev,
        });
        var (members, blocks) = Dc9Placement.Plan(platform.Catalog, dc9.Placement, network.Plan, dc9.AddressGroups,
            layout.SlotsPerServicePerAz, layout.StaticCapacity);
        var fleet = new ServerFleet(blueprint, "fleet", new ServerFleetProps
        {
            Stack = stack,
            Vpc = network,
            SecurityGroup = firewall.Servers,
            Alb = alb,
            Ami = ami,
            InstanceType = dc9.ServerInstanceType,
            KeyName = dc9.SshKeyName,
            Members = members,
            StaticBlocks = blocks,
            Binary = dc9.Binary,
            Telemetry = dc9.Telemetry,
            SessionManager = dc9.SessionManager,
            RaftPort = RaftPort,
            DataVolumeGiB = dc9.DataVolumeGiB,
            RestoreFromSnapshots = dc9.RestoreFromSnapshots,
            SnapshotRetention = dc9.SnapshotRetention,
        });

        blueprint.Output("albDnsName", alb.LoadBalancer.DnsName);
        blueprint.Output("bastionAddress", bastion.Address.PublicIp);
        // Session Manager targets: `aws ssm start-session --target ID` opens a shell (stacks/dc9/README.md).
        blueprint.Output("bastionInstanceId", bastion.Instance.Id);
        blueprint.Output("serverInstanceIds", fleet.Instances.ToDictionary(i => i.Name[(fleet.Prefix.Length + 1)..], i => (object)i.Id));
        blueprint.Output("serverIps", members
            .GroupBy(m => m.Server.Services.Csv)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Address.ToString()).ToList()));
        blueprint.Output("raftPeers", fleet.Peers.Select(p => $"{p.NodeId}={p.Endpoint}").ToList());
        blueprint.Output("ingressRoutes", platform.Routes.ToJson());
        blueprint.Output("hosts", platform.Routes.Routes.Select(r => $"{r.Host}.{dc9.Domain}").Distinct().ToList());
        blueprint.Output("vpcId", network.VpcId);
        if (dc9.Dns == Constructs.Aws.DnsProviderKind.None)
            blueprint.Output("certificateValidationRecord", Text.Interpolate(
                $"{alb.Certificate.ValidationRecordName} {alb.Certificate.ValidationRecordType} {alb.Certificate.ValidationRecordValue}"));
    }

    /// <summary>The region's first available AZs, looked up once at deployment and bound to a variable.</summary>
    private static IReadOnlyList<Input<string>> ZonesOfRegion(Blueprint blueprint, Aws.AwsProvider aws, int count)
    {
        var names = blueprint.Variable<IReadOnlyList<string>>("availabilityZones",
            Aws.GetAvailabilityZones(aws, new() { State = "available" }).Names.Expr);
        return Enumerable.Range(0, count).Select(i => (Input<string>)names.Index<string>(i)).ToList();
    }
}

using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Network;
using Infra.Platform.Provisioning;
using Infra.Synthesis;
using static Infra.Providers.Generated.Aws;

namespace Infra.Constructs.Aws;

public sealed record ServerFleetProps
{
    public required StackIdentity Stack { get; init; }
    public required Vpc Vpc { get; init; }
    public required Ec2.SecurityGroup SecurityGroup { get; init; }
    public required Alb Alb { get; init; }
    public required Input<string> Ami { get; init; }
    public string InstanceType { get; init; } = "m6i.large";
    public string? KeyName { get; init; }
    public required IReadOnlyList<FleetMember> Members { get; init; }
    /// <summary>The static address block of each private subnet, by AZ index; registered as CIDR reservations.</summary>
    public required IReadOnlyList<StaticAddressBlock> StaticBlocks { get; init; }
    public required VerifiedDownload Binary { get; init; }
    public required OtelCollectorAgent Telemetry { get; init; }
    /// <summary>Installed at first boot, so Session Manager can open a shell on a server (Debian images lack it).</summary>
    public required SessionManagerAgent SessionManager { get; init; }
    public int RaftPort { get; init; } = FleetProvisioningSpec.DefaultRaftPort;
    public int DataVolumeGiB { get; init; } = 50;
    /// <summary>Create each data volume from its latest snapshot (spin-up after a weekend teardown).</summary>
    public bool RestoreFromSnapshots { get; init; }
    public int SnapshotRetention { get; init; } = 7;
}

/// <summary>
/// N platform servers at fixed private addresses spread over the AZs, from one launch template (IMDSv2,
/// encrypted EBS, an instance profile with Session Manager only). The template carries the fleet's one
/// cloud-init user-data: the peer table (every server's node id, name, static address and Services), the
/// verified binary as a hardened systemd unit, the OpenTelemetry collector, the Session Manager agent
/// (how an operator gets a shell), all installed by a step retried until the network is up, and a boot step by which
/// each server finds its own row by its private address. Instances carry no user-data of their own.
/// Each server has one encrypted data volume for its RAFT store, snapshotted daily by a DLM policy. Dev
/// stacks snapshot each volume on teardown and can restore from the latest snapshot on spin-up; other
/// stacks keep their volumes when the stack is destroyed.
/// </summary>
public sealed class ServerFleet : Component
{
    public const string DataDevice = "/dev/sdf";
    public const string VolumeTag = "infra-volume";
    public const string RaftStoreTag = "infra-raft-store";

    public IReadOnlyList<Ec2.Instance> Instances { get; }
    public IReadOnlyList<FleetPeer> Peers { get; }

    public ServerFleet(Scope scope, string id, ServerFleetProps props) : base(scope, id)
    {
        var stack = props.Stack;
        var name = stack.PhysicalName(id);
        var dev = stack.Settings.Environment == DeploymentEnvironment.Dev;
        var production = stack.Settings.IsProduction;
        // The server name is also the RAFT node id: it is stable under placement changes, unlike the ordinal.
        Peers = props.Members.Select(m => new FleetPeer(m.Server.Name, m.Server.Name, m.Address, props.RaftPort, m.Server.Services.Names.ToList())).ToList();
        // Rendered once for the whole fleet; each server finds its row at boot (NodeIdentity).
        var userData = CloudInitUserData.Render(new FleetProvisioningSpec
        {
            Peers = Peers,
            Binary = props.Binary,
            Telemetry = props.Telemetry,
            SessionManager = props.SessionManager,
            Environment = stack.Settings.Environment,
            Routes = stack.Settings.Routes.ToJson(),
            LogLevel = stack.Settings.LogLevel,
            BusPort = PlatformBinary.BusPort,
            RaftPort = props.RaftPort,
            AppPort = PlatformBinary.HttpPort,
        });

        var role = new Iam.Role(this, "role", new Iam.RoleArgs
        {
            AssumeRolePolicy = IamPolicies.AssumedBy("ec2.amazonaws.com"),
            Description = $"Platform servers of {stack.Stack}: Session Manager only",
            Tags = AwsTags.Named(name),
        });
        _ = new Iam.RolePolicyAttachment(this, "ssm", new Iam.RolePolicyAttachmentArgs
        {
            Role = role.RoleName,
            PolicyArn = IamPolicies.SsmManagedInstanceCore,
        });
        var profile = new Iam.InstanceProfile(this, "profile", new Iam.InstanceProfileArgs { Role = role.RoleName, Tags = AwsTags.Named(name) });

        var template = new Ec2.LaunchTemplate(this, "template", new Ec2.LaunchTemplateArgs
        {
            Description = $"Platform servers of {stack.Stack}",
            ImageId = props.Ami,
            InstanceType = props.InstanceType,
            KeyName = props.KeyName is { } key ? (Input<string>)key : null,
            VpcSecurityGroupIds = [props.SecurityGroup.Id],
            IamInstanceProfile = new Ec2.LaunchTemplateIamInstanceProfile { Arn = profile.Arn },
            MetadataOptions = Ec2.LaunchTemplateMetadataOptions.V2Only,
            BlockDeviceMappings =
            [
                new Ec2.LaunchTemplateBlockDeviceMapping
                {
                    DeviceName = "/dev/xvda",
                    Ebs = new Ec2.LaunchTemplateBlockDeviceMappingEbs { Encrypted = "true", DeleteOnTermination = "true", VolumeType = "gp3", VolumeSize = 20 },
                },
            ],
            Monitoring = new Ec2.LaunchTemplateMonitoring { Enabled = true },
            // The schema types this flag as a string ("true"), unlike the instance's boolean.
            EbsOptimized = "true",
            UpdateDefaultVersion = true,
            TagSpecifications = [new Ec2.LaunchTemplateTagSpecification { ResourceType = "volume", Tags = AwsTags.Named($"{name}-root") }],
            // Readable in the program (and in review) when it fits EC2's limit plain; gzipped past it.
            UserData = System.Text.Encoding.UTF8.GetByteCount(userData) <= UserDataEncoding.MaxBytes
                ? Fn.ToBase64(userData)
                : UserDataEncoding.ToBase64(userData, $"launch template of {id}"),
            Tags = AwsTags.Named(name),
        });
        // The launch template defines the fleet: servers, data volumes, role and snapshots are its children.
        DeclareAnchor(template);

        var reservations = props.StaticBlocks.Select((block, az) => new Ec2.SubnetCidrReservation(this, $"static-{az}", new Ec2.SubnetCidrReservationArgs
            {
                SubnetId = props.Vpc.PrivateSubnets[az].Id,
                CidrBlock = block.Block.ToString(),
                ReservationType = "explicit",
                Description = "Static addresses of the platform servers (RAFT peers)",
            })).ToList();

        var instances = new List<Ec2.Instance>();
        foreach (var member in props.Members)
        {
            var server = member.Server;
            var volumeName = $"{stack.Stack}-{server.Name}";
            var volume = new Ebs.Volume(this, $"{server.Name}-data", new Ebs.VolumeArgs
            {
                AvailabilityZone = props.Vpc.AvailabilityZones[member.AzIndex],
                Size = props.DataVolumeGiB,
                Type = "gp3",
                Encrypted = true,
                SnapshotId = props.RestoreFromSnapshots ? LatestSnapshot(volumeName) : null,
                FinalSnapshot = dev ? true : null,
                Tags = AwsTags.Named(volumeName, [new(VolumeTag, volumeName), new(RaftStoreTag, stack.Stack)]),
            }, new ResourceOptions
            {
                RetainOnDelete = dev ? null : true,
                // A restore reads "the latest snapshot" at every deployment; only the first one may use it.
                IgnoreChanges = props.RestoreFromSnapshots ? ["snapshotId"] : [],
            });

            var instance = new Ec2.Instance(this, server.Name, new Ec2.InstanceArgs
            {
                // "$Default" follows the template's default version (updated on every change) as a string, which
                // the schema wants; existing servers ignore template changes (see below).
                LaunchTemplate = new Ec2.InstanceLaunchTemplate { Id = template.Id, Version = "$Default" },
                SubnetId = props.Vpc.PrivateSubnets[member.AzIndex].Id,
                PrivateIp = member.Address.ToString(),
                DisableApiTermination = production ? true : null,
                Tags = AwsTags.Named($"{stack.Stack}-{server.Name}", [new("services", server.Services.Csv)]),
            }, new ResourceOptions
            {
                // The reservation must exist first, or AWS may hand the address to another interface.
                DependsOn = member.AzIndex < reservations.Count ? [reservations[member.AzIndex]] : [],
                // The fixed address is the RAFT peer's identity: EC2 refuses it to a new instance while the old one
                // holds it, so a replacement (pulumi up --replace) must terminate the old server first.
                DeleteBeforeReplace = true,
                // A new image, binary or peer table is a new template version; it must roll over the RAFT peers one
                // at a time (pulumi up --replace URN), never replace all of them in one update. A running server keeps
                // the user-data (and peer table) it was launched with until it is replaced.
                IgnoreChanges = ["launchTemplate"],
            });
            instances.Add(instance);
            _ = new Ec2.VolumeAttachment(this, $"{server.Name}-attach", new Ec2.VolumeAttachmentArgs
            {
                DeviceName = DataDevice,
                InstanceId = instance.Id,
                VolumeId = volume.Id,
                StopInstanceBeforeDetaching = true,
            }, new ResourceOptions
            {
                // A volume attaches to one instance at a time: detach it from the old server before the new attachment.
                DeleteBeforeReplace = true,
            });
            foreach (var service in server.Services.Names)
                props.Alb.Register(service, server.Name, instance);
        }
        Instances = instances;

        var dlmRole = new Iam.Role(this, "snapshots-role", new Iam.RoleArgs
        {
            AssumeRolePolicy = IamPolicies.AssumedBy("dlm.amazonaws.com"),
            Description = $"Daily snapshots of the RAFT volumes of {stack.Stack}",
            Tags = AwsTags.Named($"{name}-snapshots"),
        });
        _ = new Iam.RolePolicyAttachment(this, "snapshots-policy", new Iam.RolePolicyAttachmentArgs
        {
            Role = dlmRole.RoleName,
            PolicyArn = IamPolicies.DlmServiceRole,
        });
        _ = new Dlm.LifecyclePolicy(this, "snapshots", new Dlm.LifecyclePolicyArgs
        {
            Description = $"Daily snapshots of the RAFT data volumes of {stack.Stack}",
            ExecutionRoleArn = dlmRole.Arn,
            State = "ENABLED",
            PolicyDetails = new Dlm.LifecyclePolicyPolicyDetails
            {
                ResourceTypes = ["VOLUME"],
                TargetTags = new Dictionary<string, Input<string>> { [RaftStoreTag] = stack.Stack },
                Schedules =
                [
                    new Dlm.LifecyclePolicyPolicyDetailsSchedule
                    {
                        Name = "daily",
                        CreateRule = new Dlm.LifecyclePolicyPolicyDetailsScheduleCreateRule { Interval = 24, IntervalUnit = "HOURS", Times = "03:00" },
                        RetainRule = new Dlm.LifecyclePolicyPolicyDetailsScheduleRetainRule { Count = props.SnapshotRetention },
                        // Snapshots carry the volume tags, which is how a restore finds each server's latest one.
                        CopyTags = true,
                    },
                ],
            },
            Tags = AwsTags.Named($"{name}-snapshots"),
        });
    }

    private Input<string> LatestSnapshot(string volumeName) => Ebs.GetSnapshot(InvokeOptions.In(this, "aws"), new()
    {
        Filters = [new() { Name = $"tag:{VolumeTag}", Values = [volumeName] }],
        MostRecent = true,
        Owners = ["self"],
    }).Id;
}

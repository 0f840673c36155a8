using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Network;
using Infra.Platform.Provisioning;
using Infra.Synthesis;
using AwsRes = Infra.Providers.Aws;

namespace Infra.Constructs.Aws;

public sealed record ServerFleetProps
{
    public required StackIdentity Stack { get; init; }
    public required Vpc Vpc { get; init; }
    public required AwsRes.SecurityGroup SecurityGroup { get; init; }
    public required Alb Alb { get; init; }
    public required Input<string> Ami { get; init; }
    public string InstanceType { get; init; } = "m6i.large";
    public string? KeyName { get; init; }
    public required IReadOnlyList<FleetMember> Members { get; init; }
    /// <summary>The static address block of each private subnet, by AZ index; registered as CIDR reservations.</summary>
    public required IReadOnlyList<StaticAddressBlock> StaticBlocks { get; init; }
    public required VerifiedDownload Binary { get; init; }
    public required OtelCollectorAgent Telemetry { get; init; }
    public int RaftPort { get; init; } = ServerProvisioningSpec.DefaultRaftPort;
    public int DataVolumeGiB { get; init; } = 50;
    /// <summary>Create each data volume from its latest snapshot (spin-up after a weekend teardown).</summary>
    public bool RestoreFromSnapshots { get; init; }
    public int SnapshotRetention { get; init; } = 7;
}

/// <summary>
/// N platform servers at fixed private addresses spread over the AZs, from one launch template (IMDSv2,
/// encrypted EBS, an instance profile with Session Manager only). Each gets cloud-init user-data that
/// installs the verified binary as a hardened systemd unit with its Services, RAFT node id and the full
/// peer list, plus the OpenTelemetry collector; and one encrypted data volume for its RAFT store,
/// snapshotted daily by a DLM policy. Dev stacks snapshot each volume on teardown and can restore from
/// the latest snapshot on spin-up; other stacks keep their volumes when the stack is destroyed.
/// </summary>
public sealed class ServerFleet : Component
{
    public const string DataDevice = "/dev/sdf";
    public const string VolumeTag = "infra-volume";
    public const string RaftStoreTag = "infra-raft-store";

    public IReadOnlyList<AwsRes.Instance> Instances { get; }
    public IReadOnlyList<RaftPeer> Peers { get; }

    public ServerFleet(Scope scope, string id, ServerFleetProps props) : base(scope, id)
    {
        var stack = props.Stack;
        var name = stack.PhysicalName(id);
        var dev = stack.Settings.Environment == DeploymentEnvironment.Dev;
        var production = stack.Settings.IsProduction;
        Peers = props.Members.Select(m => new RaftPeer(m.Server.Name, m.Address, props.RaftPort)).ToList();

        var role = new AwsRes.IamRole(this, "role", new AwsRes.IamRoleArgs
        {
            AssumeRolePolicy = IamPolicies.AssumedBy("ec2.amazonaws.com"),
            Description = $"Platform servers of {stack.Stack}: Session Manager only",
            Tags = AwsTags.Named(name),
        });
        _ = new AwsRes.IamRolePolicyAttachment(this, "ssm", new AwsRes.IamRolePolicyAttachmentArgs
        {
            Role = role.RoleName,
            PolicyArn = IamPolicies.SsmManagedInstanceCore,
        });
        var profile = new AwsRes.IamInstanceProfile(this, "profile", new AwsRes.IamInstanceProfileArgs { Role = role.RoleName, Tags = AwsTags.Named(name) });

        var template = new AwsRes.LaunchTemplate(this, "template", new AwsRes.LaunchTemplateArgs
        {
            Description = $"Platform servers of {stack.Stack}",
            ImageId = props.Ami,
            InstanceType = props.InstanceType,
            KeyName = props.KeyName is { } key ? (Input<string>)key : null,
            VpcSecurityGroupIds = [props.SecurityGroup.Id],
            IamInstanceProfile = new AwsRes.LaunchTemplateIamInstanceProfile { Arn = profile.Arn },
            MetadataOptions = AwsRes.InstanceMetadataOptions.V2Only,
            BlockDeviceMappings =
            [
                new AwsRes.LaunchTemplateBlockDeviceMapping
                {
                    DeviceName = "/dev/xvda",
                    Ebs = new AwsRes.LaunchTemplateEbs { Encrypted = "true", DeleteOnTermination = "true", VolumeType = "gp3", VolumeSize = 20 },
                },
            ],
            Monitoring = new AwsRes.LaunchTemplateMonitoring { Enabled = true },
            EbsOptimized = true,
            UpdateDefaultVersion = true,
            TagSpecifications = [new AwsRes.LaunchTemplateTagSpecification { ResourceType = "volume", Tags = AwsTags.Named($"{name}-root") }],
            Tags = AwsTags.Named(name),
        });

        var reservations = props.StaticBlocks.Select((block, az) => new AwsRes.SubnetCidrReservation(this, $"static-{az}", new AwsRes.SubnetCidrReservationArgs
            {
                SubnetId = props.Vpc.PrivateSubnets[az].Id,
                CidrBlock = block.Block.ToString(),
                ReservationType = "explicit",
                Description = "Static addresses of the platform servers (RAFT peers)",
            })).ToList();

        // Rendered once for the fleet: each server's user-data differs only in its node id and Services.
        var first = props.Members[0].Server;
        var fleetUserData = new FleetUserData(new ServerProvisioningSpec
        {
            NodeId = first.Name,
            Services = first.Services.Names.ToList(),
            Peers = Peers,
            Binary = props.Binary,
            Telemetry = props.Telemetry,
            BusPort = PlatformBinary.BusPort,
            RaftPort = props.RaftPort,
            AppPort = PlatformBinary.HttpPort,
        });
        var instances = new List<AwsRes.Instance>();
        foreach (var member in props.Members)
        {
            var server = member.Server;
            var volumeName = $"{stack.Stack}-{server.Name}";
            var volume = new AwsRes.EbsVolume(this, $"{server.Name}-data", new AwsRes.EbsVolumeArgs
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

            var userData = fleetUserData.Render(server.Name, server.Services.Names.ToList());
            var fitsPlain = System.Text.Encoding.UTF8.GetByteCount(userData) <= UserDataEncoding.MaxBytes;
            var instance = new AwsRes.Instance(this, server.Name, new AwsRes.InstanceArgs
            {
                // "$Default" follows the template's default version (updated on every change) as a string, which
                // the schema wants; existing servers ignore template changes (see below).
                LaunchTemplate = new AwsRes.InstanceLaunchTemplate { Id = template.Id, Version = "$Default" },
                SubnetId = props.Vpc.PrivateSubnets[member.AzIndex].Id,
                PrivateIp = member.Address.ToString(),
                DisableApiTermination = production ? true : null,
                UserData = fitsPlain ? (Input<string>)userData : null,
                UserDataBase64 = fitsPlain ? null : (Input<string>)UserDataEncoding.ToBase64(userData, $"server {server.Name}"),
                Tags = AwsTags.Named($"{stack.Stack}-{server.Name}", [new("services", server.Services.Csv)]),
            }, new ResourceOptions
            {
                // The reservation must exist first, or AWS may hand the address to another interface.
                DependsOn = member.AzIndex < reservations.Count ? [reservations[member.AzIndex]] : [],
                // A new image or template must roll over the RAFT peers one at a time (pulumi up --replace URN),
                // never replace all of them in one update.
                IgnoreChanges = ["launchTemplate"],
            });
            instances.Add(instance);
            _ = new AwsRes.VolumeAttachment(this, $"{server.Name}-attach", new AwsRes.VolumeAttachmentArgs
            {
                DeviceName = DataDevice,
                InstanceId = instance.Id,
                VolumeId = volume.Id,
                StopInstanceBeforeDetaching = true,
            });
            foreach (var service in server.Services.Names)
                props.Alb.Register(service, server.Name, instance);
        }
        Instances = instances;

        var dlmRole = new AwsRes.IamRole(this, "snapshots-role", new AwsRes.IamRoleArgs
        {
            AssumeRolePolicy = IamPolicies.AssumedBy("dlm.amazonaws.com"),
            Description = $"Daily snapshots of the RAFT volumes of {stack.Stack}",
            Tags = AwsTags.Named($"{name}-snapshots"),
        });
        _ = new AwsRes.IamRolePolicyAttachment(this, "snapshots-policy", new AwsRes.IamRolePolicyAttachmentArgs
        {
            Role = dlmRole.RoleName,
            PolicyArn = IamPolicies.DlmServiceRole,
        });
        _ = new AwsRes.DlmLifecyclePolicy(this, "snapshots", new AwsRes.DlmLifecyclePolicyArgs
        {
            Description = $"Daily snapshots of the RAFT data volumes of {stack.Stack}",
            ExecutionRoleArn = dlmRole.Arn,
            State = "ENABLED",
            PolicyDetails = new AwsRes.DlmPolicyDetails
            {
                ResourceTypes = ["VOLUME"],
                TargetTags = new Dictionary<string, string> { [RaftStoreTag] = stack.Stack },
                Schedules =
                [
                    new AwsRes.DlmSchedule
                    {
                        Name = "daily",
                        CreateRule = new AwsRes.DlmCreateRule { Interval = 24, IntervalUnit = "HOURS", Times = "03:00" },
                        RetainRule = new AwsRes.DlmRetainRule { Count = props.SnapshotRetention },
                        // Snapshots carry the volume tags, which is how a restore finds each server's latest one.
                        CopyTags = true,
                    },
                ],
            },
            Tags = AwsTags.Named($"{name}-snapshots"),
        });
    }

    private static Input<string> LatestSnapshot(string volumeName) => Fn.Invoke<string>("aws:ebs/getSnapshot:getSnapshot", new Dictionary<string, object>
    {
        ["mostRecent"] = true,
        ["owners"] = new[] { "self" },
        ["filters"] = new object[] { new Dictionary<string, object> { ["name"] = $"tag:{VolumeTag}", ["values"] = new[] { volumeName } } },
    }, "id");
}

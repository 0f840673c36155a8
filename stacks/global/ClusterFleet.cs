using Infra.Constructs.Aws;
using Infra.Synthesis;
using static Infra.Providers.Generated.Aws;

namespace Infra.Stacks.Global;

/// <summary>One node group of a region: its role, size, instance type and the target groups it serves.</summary>
public sealed record NodeGroup(ClusterRole Role, string Name, int Size, string InstanceType, IReadOnlyList<Lb.TargetGroup> TargetGroups);

/// <summary>
/// A region's cluster nodes: one instance role (cloud auto-join reads EC2 tags; the SSM path of the region's
/// secrets; Session Manager), and per node group a launch template (never a launch configuration: IMDSv2 only,
/// encrypted gp3 root volume, the group's user-data) and an auto-scaling group over the private subnets that
/// replaces instances one at a time when the template changes.
/// </summary>
public sealed class ClusterFleet : Component
{
    public IReadOnlyDictionary<ClusterRole, Autoscaling.Group> Groups { get; }

    public ClusterFleet(Scope scope, string id, string name, string stack, GlobalRegion region, Input<string> ami, Output<string> securityGroupId,
        IReadOnlyList<Output<string>> privateSubnetIds, string parameterPath, IReadOnlyList<NodeGroup> groups) : base(scope, id)
    {
        var role = new Iam.Role(this, "role", new Iam.RoleArgs
        {
            AssumeRolePolicy = IamPolicies.AssumedBy("ec2.amazonaws.com"),
            Description = $"Cluster nodes of {name}: auto-join, the region's secrets, Session Manager",
            Tags = new Dictionary<string, Input<string>> { ["Name"] = $"{name}-nodes" },
        });
        // The role stands for the fleet; policies, profile, templates and groups are its parts.
        DeclareAnchor(role);
        _ = new Iam.RolePolicy(this, "auto-join", new Iam.RolePolicyArgs
        {
            Role = role.Id,
            Policy = IamPolicies.Allow(["ec2:DescribeInstances", "ec2:DescribeTags"], "*"),
        });
        _ = new Iam.RolePolicy(this, "secrets", new Iam.RolePolicyArgs
        {
            Role = role.Id,
            Policy = IamPolicies.Allow(["ssm:GetParameter"], $"arn:aws:ssm:{region.AwsRegion}:*:parameter{parameterPath}/*"),
        });
        _ = new Iam.RolePolicyAttachment(this, "ssm", new Iam.RolePolicyAttachmentArgs { Role = role.Id, PolicyArn = IamPolicies.SsmManagedInstanceCore });
        var profile = new Iam.InstanceProfile(this, "profile", new Iam.InstanceProfileArgs { Role = role.Id });

        var result = new Dictionary<ClusterRole, Autoscaling.Group>();
        foreach (var group in groups)
        {
            var userData = ClusterNodeUserData.Render(new ClusterNodeUserData.Spec(group.Role, stack, region.Name, region.AwsRegion, region.Servers, parameterPath));
            Dictionary<string, Input<string>> tags = new() { ["Name"] = $"{name}-{group.Name}", ["node-group"] = group.Name };
            if (group.Role == ClusterRole.Server) tags[ClusterNodeUserData.ServerTagKey] = $"{stack}-{region.Name}";
            var template = new Ec2.LaunchTemplate(this, $"{group.Name}-template", new Ec2.LaunchTemplateArgs
            {
                ImageId = ami,
                InstanceType = group.InstanceType,
                IamInstanceProfile = new Ec2.LaunchTemplateIamInstanceProfile { Arn = profile.Arn },
                VpcSecurityGroupIds = [securityGroupId],
                MetadataOptions = new Ec2.LaunchTemplateMetadataOptions
                {
                    HttpEndpoint = Ec2.HttpEndpoint.Enabled,
                    HttpTokens = Ec2.HttpTokens.Required,
                    // One hop: containers (k3s, its pods) cannot reach the role's credentials.
                    HttpPutResponseHopLimit = 1,
                },
                BlockDeviceMappings =
                [
                    new Ec2.LaunchTemplateBlockDeviceMapping
                    {
                        DeviceName = "/dev/xvda",
                        Ebs = new Ec2.LaunchTemplateBlockDeviceMappingEbs { Encrypted = "true", VolumeType = "gp3", VolumeSize = 50, DeleteOnTermination = "true" },
                    },
                ],
                UserData = Fn.ToBase64(userData),
                UpdateDefaultVersion = true,
                TagSpecifications =
                [
                    new Ec2.LaunchTemplateTagSpecification { ResourceType = "instance", Tags = tags },
                    new Ec2.LaunchTemplateTagSpecification { ResourceType = "volume", Tags = new Dictionary<string, Input<string>> { ["Name"] = $"{name}-{group.Name}" } },
                ],
                Tags = new Dictionary<string, Input<string>> { ["Name"] = $"{name}-{group.Name}" },
            });
            result[group.Role] = new Autoscaling.Group(this, $"{group.Name}-group", new Autoscaling.GroupArgs
            {
                MinSize = group.Size,
                MaxSize = group.Size,
                DesiredCapacity = group.Size,
                VpcZoneIdentifiers = privateSubnetIds.Select(s => (Input<string>)s).ToList(),
                LaunchTemplate = new Autoscaling.GroupLaunchTemplate { Id = template.Id, Version = Text.Interpolate($"{template.LatestVersion}") },
                TargetGroupArns = group.TargetGroups.Select(t => (Input<string>)t.Arn).ToList(),
                HealthCheckType = "EC2",
                HealthCheckGracePeriod = 300,
                // A new template version replaces one instance at a time; a RAFT quorum never loses two members at once.
                InstanceRefresh = new Autoscaling.GroupInstanceRefresh
                {
                    Strategy = "Rolling",
                    Preferences = new Autoscaling.GroupInstanceRefreshPreferences { MinHealthyPercentage = 66, InstanceWarmup = "300" },
                },
                Tags = tags.Select(t => new Autoscaling.GroupTag { Key = t.Key, Value = t.Value, PropagateAtLaunch = false }).ToList(),
            });
        }
        Groups = result;
    }
}

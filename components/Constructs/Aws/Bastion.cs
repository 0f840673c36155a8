using Infra.Platform;
using Infra.Platform.Provisioning;
using Infra.Synthesis;
using AwsRes = Infra.Providers.Aws;

namespace Infra.Constructs.Aws;

public sealed record BastionProps
{
    public required StackIdentity Stack { get; init; }
    public required AwsRes.Subnet Subnet { get; init; }
    public required AwsRes.SecurityGroup SecurityGroup { get; init; }
    public required Input<string> Ami { get; init; }
    public string InstanceType { get; init; } = "t3.micro";
    public string? KeyName { get; init; }
    /// <summary>Installed at first boot, so Session Manager can open a shell here (Debian images lack it).</summary>
    public required SessionManagerAgent SessionManager { get; init; }
}

/// <summary>
/// One hardened jump host in a public subnet: IMDSv2 only with hop limit 1, encrypted root volume, an
/// instance profile that allows Session Manager and nothing else, the Session Manager agent installed at
/// first boot from a verified download, and an Elastic IP so its address survives a stop/start. SSH
/// reachability is the security group's business (see <see cref="SecurityGroups"/>).
/// </summary>
public sealed class Bastion : Component
{
    public AwsRes.Instance Instance { get; }
    public AwsRes.Eip Address { get; }

    public Bastion(Scope scope, string id, BastionProps props) : base(scope, id)
    {
        var name = props.Stack.PhysicalName(id);
        var role = new AwsRes.IamRole(this, "role", new AwsRes.IamRoleArgs
        {
            AssumeRolePolicy = IamPolicies.AssumedBy("ec2.amazonaws.com"),
            Description = $"Bastion {name}: Session Manager only",
            Tags = AwsTags.Named(name),
        });
        _ = new AwsRes.IamRolePolicyAttachment(this, "ssm", new AwsRes.IamRolePolicyAttachmentArgs
        {
            Role = role.RoleName,
            PolicyArn = IamPolicies.SsmManagedInstanceCore,
        });
        var profile = new AwsRes.IamInstanceProfile(this, "profile", new AwsRes.IamInstanceProfileArgs { Role = role.RoleName, Tags = AwsTags.Named(name) });
        Instance = new AwsRes.Instance(this, "instance", new AwsRes.InstanceArgs
        {
            Ami = props.Ami,
            InstanceType = props.InstanceType,
            SubnetId = props.Subnet.Id,
            VpcSecurityGroupIds = [props.SecurityGroup.Id],
            IamInstanceProfile = profile.ProfileName,
            AssociatePublicIpAddress = true,
            KeyName = props.KeyName is { } key ? (Input<string>)key : null,
            MetadataOptions = AwsRes.InstanceMetadataOptions.V2Only,
            RootBlockDevice = new AwsRes.InstanceRootBlockDevice { Encrypted = true, VolumeType = "gp3", VolumeSize = 8, DeleteOnTermination = true },
            Monitoring = true,
            UserData = BastionUserData.Render(props.SessionManager),
            Tags = AwsTags.Named(name),
        }, new ResourceOptions { IgnoreChanges = ["ami"] });
        // The instance is the bastion; its role, profile and address are its parts.
        DeclareAnchor(Instance);
        Address = new AwsRes.Eip(this, "eip", new AwsRes.EipArgs { Domain = "vpc", Instance = Instance.Id, Tags = AwsTags.Named(name) });
    }
}

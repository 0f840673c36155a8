using Infra.Platform;
using Infra.Platform.Provisioning;
using Infra.Synthesis;
using static Infra.Providers.Generated.Aws;

namespace Infra.Constructs.Aws;

public sealed record BastionProps
{
    public required StackIdentity Stack { get; init; }
    public required Ec2.Subnet Subnet { get; init; }
    public required Ec2.SecurityGroup SecurityGroup { get; init; }
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
    public Ec2.Instance Instance { get; }
    public Ec2.Eip Address { get; }

    public Bastion(Scope scope, string id, BastionProps props) : base(scope, id)
    {
        var name = props.Stack.PhysicalName(id);
        var role = new Iam.Role(this, "role", new Iam.RoleArgs
        {
            AssumeRolePolicy = IamPolicies.AssumedBy("ec2.amazonaws.com"),
            Description = $"Bastion {name}: Session Manager only",
            Tags = AwsTags.Named(name),
        });
        _ = new Iam.RolePolicyAttachment(this, "ssm", new Iam.RolePolicyAttachmentArgs
        {
            Role = role.RoleName,
            PolicyArn = IamPolicies.SsmManagedInstanceCore,
        });
        var profile = new Iam.InstanceProfile(this, "profile", new Iam.InstanceProfileArgs { Role = role.RoleName, Tags = AwsTags.Named(name) });
        Instance = new Ec2.Instance(this, "instance", new Ec2.InstanceArgs
        {
            Ami = props.Ami,
            InstanceType = props.InstanceType,
            SubnetId = props.Subnet.Id,
            VpcSecurityGroupIds = [props.SecurityGroup.Id],
            IamInstanceProfile = profile.InstanceProfileName,
            AssociatePublicIpAddress = true,
            KeyName = props.KeyName is { } key ? (Input<string>)key : null,
            MetadataOptions = Ec2.InstanceMetadataOptions.V2Only,
            RootBlockDevice = new Ec2.InstanceRootBlockDevice { Encrypted = true, VolumeType = "gp3", VolumeSize = 8, DeleteOnTermination = true },
            Monitoring = true,
            UserData = BastionUserData.Render(props.SessionManager),
            Tags = AwsTags.Named(name),
        }, new ResourceOptions { IgnoreChanges = ["ami"] });
        // The instance is the bastion; its role, profile and address are its parts.
        DeclareAnchor(Instance);
        Address = new Ec2.Eip(this, "eip", new Ec2.EipArgs { Domain = "vpc", Instance = Instance.Id, Tags = AwsTags.Named(name) });
    }
}

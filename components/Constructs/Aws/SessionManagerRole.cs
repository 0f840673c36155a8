using Infra.Synthesis;
using static Infra.Providers.Generated.Aws;

namespace Infra.Constructs.Aws;

/// <summary>
/// The IAM role and instance profile of a host an operator reaches through Session Manager only: EC2
/// assumes the role, which holds AmazonSSMManagedInstanceCore and nothing else. Defined once for the
/// bastion and the fleet. Its resources are created in the owning component under the ids <c>role</c>,
/// <c>ssm</c> and <c>profile</c> (not in a component of their own), so their names and URNs are those of the
/// owner's parts.
/// </summary>
public sealed class SessionManagerRole
{
    public Iam.Role Role { get; }
    public Iam.InstanceProfile Profile { get; }

    /// <param name="owner">The component the role belongs to.</param>
    /// <param name="name">The physical name, tagged as <c>Name</c>.</param>
    /// <param name="description">Whose role it is, e.g. "Bastion dc9-bastion: Session Manager only".</param>
    public SessionManagerRole(Scope owner, string name, string description)
    {
        Role = new Iam.Role(owner, "role", new Iam.RoleArgs
        {
            AssumeRolePolicy = IamPolicies.AssumedBy("ec2.amazonaws.com"),
            Description = description,
            Tags = AwsTags.Named(name),
        });
        _ = new Iam.RolePolicyAttachment(owner, "ssm", new Iam.RolePolicyAttachmentArgs
        {
            Role = Role.RoleName,
            PolicyArn = IamPolicies.SsmManagedInstanceCore,
        });
        Profile = new Iam.InstanceProfile(owner, "profile", new Iam.InstanceProfileArgs { Role = Role.RoleName, Tags = AwsTags.Named(name) });
    }
}

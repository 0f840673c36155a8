using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:iam/role:Role</c>.</summary>
public sealed class IamRole(Scope scope, string id, IamRoleArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:iam/role:Role";
    public Output<string> Arn => Output<string>("arn");
    public Output<string> RoleName => Output<string>("name");
}

public sealed class IamRoleArgs : Args
{
    /// <summary>JSON trust policy; build it with <c>Fn.ToJson</c>.</summary>
    public required Input<string> AssumeRolePolicy { get; init; }
    public Input<string>? Description { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>aws:iam/rolePolicy:RolePolicy</c>: an inline policy, scoped to exactly what the role does.</summary>
public sealed class IamRolePolicy(Scope scope, string id, IamRolePolicyArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:iam/rolePolicy:RolePolicy";
}

public sealed class IamRolePolicyArgs : Args
{
    public required Input<string> Role { get; init; }
    public required Input<string> Policy { get; init; }
}

/// <summary><c>aws:iam/rolePolicyAttachment:RolePolicyAttachment</c>.</summary>
public sealed class IamRolePolicyAttachment(Scope scope, string id, IamRolePolicyAttachmentArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
}

public sealed class IamRolePolicyAttachmentArgs : Args
{
    public required Input<string> Role { get; init; }
    public required Input<string> PolicyArn { get; init; }
}

/// <summary><c>aws:iam/instanceProfile:InstanceProfile</c>.</summary>
public sealed class IamInstanceProfile(Scope scope, string id, IamInstanceProfileArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:iam/instanceProfile:InstanceProfile";
    public Output<string> ProfileName => Output<string>("name");
    public Output<string> Arn => Output<string>("arn");
}

public sealed class IamInstanceProfileArgs : Args
{
    public required Input<string> Role { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

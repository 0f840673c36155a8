using Infra.Synthesis;

namespace Infra.Providers.Aws;

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

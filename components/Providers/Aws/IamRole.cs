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

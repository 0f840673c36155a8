using Infra.Synthesis;

namespace Infra.Providers.Aws;

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

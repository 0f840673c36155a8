using Infra.Synthesis;

namespace Infra.Providers.Aws;

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

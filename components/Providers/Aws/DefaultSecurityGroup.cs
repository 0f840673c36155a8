using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ec2/defaultSecurityGroup:DefaultSecurityGroup</c>: adopting it with no rules empties it.</summary>
public sealed class DefaultSecurityGroup(Scope scope, string id, DefaultSecurityGroupArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
}

public sealed class DefaultSecurityGroupArgs : Args
{
    public required Input<string> VpcId { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

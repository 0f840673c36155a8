using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary>
/// <c>aws:ec2/securityGroup:SecurityGroup</c> without inline rules: rules are separate resources so that
/// groups can reference each other without a dependency cycle. The provider removes AWS's default
/// allow-all egress rule on create, so egress is exactly the declared egress rules.
/// </summary>
public sealed class SecurityGroup(Scope scope, string id, SecurityGroupArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/securityGroup:SecurityGroup";
}

public sealed class SecurityGroupArgs : Args
{
    public required Input<string> VpcId { get; init; }
    public required Input<string> Description { get; init; }
    /// <summary>The group's exact name; changing it replaces the group. Set this or <see cref="NamePrefix"/>.</summary>
    public Input<string>? Name { get; init; }
    /// <summary>A name prefix; AWS gets the prefix plus a unique suffix, so a replacement can exist beside the old group.</summary>
    public Input<string>? NamePrefix { get; init; }
    public Input<bool>? RevokeRulesOnDelete { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

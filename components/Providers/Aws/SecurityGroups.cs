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
    public Input<bool>? RevokeRulesOnDelete { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

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

/// <summary><c>aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule</c>: one rule, one peer.</summary>
public sealed class SecurityGroupIngressRule(Scope scope, string id, SecurityGroupRuleArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
}

/// <summary><c>aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule</c>: one rule, one peer.</summary>
public sealed class SecurityGroupEgressRule(Scope scope, string id, SecurityGroupRuleArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
}

public sealed class SecurityGroupRuleArgs : Args
{
    public required Input<string> SecurityGroupId { get; init; }
    public required Input<string> IpProtocol { get; init; }
    public Input<int>? FromPort { get; init; }
    public Input<int>? ToPort { get; init; }
    public Input<string>? CidrIpv4 { get; init; }
    public Input<string>? ReferencedSecurityGroupId { get; init; }
    public Input<string>? PrefixListId { get; init; }
    public Input<string>? Description { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule</c>: one rule, one peer.</summary>
public sealed class SecurityGroupEgressRule(Scope scope, string id, SecurityGroupRuleArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
}

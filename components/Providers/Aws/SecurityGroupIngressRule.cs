using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule</c>: one rule, one peer.</summary>
public sealed class SecurityGroupIngressRule(Scope scope, string id, SecurityGroupRuleArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
}

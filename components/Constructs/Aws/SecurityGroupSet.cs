using Infra.Synthesis;
// The provider's vpc module; the Vpc construct of this namespace would hide Aws.Vpc.
using VpcRules = Infra.Providers.Generated.Aws.Vpc;

namespace Infra.Constructs.Aws;

/// <summary>
/// A set of security groups that name each other. Every rule is its own resource with one peer (a CIDR
/// or another group), a child of the group it belongs to and named after it ("servers-in-ssh"), so
/// groups can refer to each other without a cycle and the program reads as the rule list.
/// </summary>
public abstract class SecurityGroupSet(Scope scope, string id) : Component(scope, id)
{
    /// <summary>Allows <paramref name="protocol"/> traffic on <paramref name="port"/> (every port when null) into <paramref name="owner"/>.</summary>
    protected void Ingress(Resource owner, string id, VpcRules.IpProtocol protocol, int? port, string description,
        string? cidr = null, Resource? group = null) =>
        _ = new VpcRules.SecurityGroupIngressRule(this, $"{LocalId(owner)}-in-{id}", new VpcRules.SecurityGroupIngressRuleArgs
        {
            SecurityGroupId = owner.Id,
            IpProtocol = protocol,
            FromPort = port is { } from ? (Input<double>)from : null,
            ToPort = port is { } to ? (Input<double>)to : null,
            CidrIpv4 = cidr is null ? null : (Input<string>)cidr,
            ReferencedSecurityGroupId = group is null ? null : (Input<string>)group.Id,
            Description = description,
        }, new ResourceOptions { Parent = owner });

    /// <summary>Allows <paramref name="protocol"/> traffic on <paramref name="port"/> (every port when null) out of <paramref name="owner"/>.</summary>
    protected void Egress(Resource owner, string id, VpcRules.IpProtocol protocol, int? port, string description,
        string? cidr = null, Resource? group = null) =>
        _ = new VpcRules.SecurityGroupEgressRule(this, $"{LocalId(owner)}-out-{id}", new VpcRules.SecurityGroupEgressRuleArgs
        {
            SecurityGroupId = owner.Id,
            IpProtocol = protocol,
            FromPort = port is { } from ? (Input<double>)from : null,
            ToPort = port is { } to ? (Input<double>)to : null,
            CidrIpv4 = cidr is null ? null : (Input<string>)cidr,
            ReferencedSecurityGroupId = group is null ? null : (Input<string>)group.Id,
            Description = description,
        }, new ResourceOptions { Parent = owner });

    /// <summary>The group's id below this set ("servers" for "dc9-sg-servers").</summary>
    private string LocalId(Resource group) => group.Name[(Prefix.Length + 1)..];
}

using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary>The inputs of one ingress or egress rule resource (the two share their schema).</summary>
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

namespace Infra.Platform.Network;

/// <summary>A security group by id (a logical resource name works as well as "sg-..."), with its rules.</summary>
public sealed record SecurityGroup(string Id, IReadOnlyList<SecurityGroupRule> Ingress, IReadOnlyList<SecurityGroupRule> Egress);

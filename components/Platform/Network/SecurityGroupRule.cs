namespace Infra.Platform.Network;

/// <summary>
/// One ingress or egress rule, in the shape both the synthesized program and hand-written cases can fill:
/// protocol as AWS writes it ("tcp", "udp", "icmp", "-1"/"all" or their numbers), the port range, and the
/// peers it names (CIDRs, other security groups, itself, or managed prefix lists).
/// </summary>
public sealed record SecurityGroupRule(
    string Protocol,
    int FromPort,
    int ToPort,
    IReadOnlyList<Ipv4Cidr>? Cidrs = null,
    IReadOnlyList<string>? SecurityGroupIds = null,
    bool Self = false,
    IReadOnlyList<string>? PrefixListIds = null)
{
    public static SecurityGroupRule Tcp(int port, params Ipv4Cidr[] cidrs) => new("tcp", port, port, Cidrs: cidrs);
    public static SecurityGroupRule TcpFromGroup(int port, string securityGroupId) => new("tcp", port, port, SecurityGroupIds: [securityGroupId]);
}

namespace Infra.Platform.Network;

/// <summary>
/// A class of traffic endpoints (internet, alb, server, bastion): the security groups its interfaces
/// carry and the addresses it sends from and listens on. An endpoint without security groups (the
/// internet) filters nothing itself.
/// </summary>
public sealed record NetworkEndpoint(
    string Name,
    IReadOnlyList<string> SecurityGroupIds,
    IReadOnlyList<Ipv4Cidr> Addresses,
    IReadOnlyList<string>? PrefixListIds = null)
{
    /// <summary>
    /// The internet as seen from a VPC: every IPv4 address outside it, so a rule naming the VPC CIDR does
    /// not count as open to the internet while 0.0.0.0/0 or an office CIDR does.
    /// </summary>
    public static NetworkEndpoint Internet(Ipv4Cidr vpc, string name = "internet") =>
        new(name, [], Ipv4Cidr.Parse("0.0.0.0/0").Exclude(vpc));
}

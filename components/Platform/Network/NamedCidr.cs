namespace Infra.Platform.Network;

/// <summary>A CIDR with the name a person would use for it ("office VPN", "peer vpc eu-west-1").</summary>
public sealed record NamedCidr(string Name, Ipv4Cidr Cidr);

namespace Infra.Platform.Network;

/// <summary>
/// A network plan that cannot work: a malformed CIDR, overlapping ranges, a VPC too small for its
/// subnets. The message says what is wrong, where (which input), and how to fix it.
/// </summary>
public sealed class NetworkPlanException(string message) : Exception(message);

using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ec2/subnet:Subnet</c>.</summary>
public sealed class Subnet(Scope scope, string id, SubnetArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/subnet:Subnet";
}

public sealed class SubnetArgs : Args
{
    public required Input<string> VpcId { get; init; }
    public required Input<string> CidrBlock { get; init; }
    public required Input<string> AvailabilityZone { get; init; }
    public Input<bool>? MapPublicIpOnLaunch { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

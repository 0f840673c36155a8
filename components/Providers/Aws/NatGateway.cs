using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ec2/natGateway:NatGateway</c>.</summary>
public sealed class NatGateway(Scope scope, string id, NatGatewayArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/natGateway:NatGateway";
}

public sealed class NatGatewayArgs : Args
{
    public required Input<string> AllocationId { get; init; }
    public required Input<string> SubnetId { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

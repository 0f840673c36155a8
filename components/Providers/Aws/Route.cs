using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ec2/route:Route</c>.</summary>
public sealed class Route(Scope scope, string id, RouteArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/route:Route";
}

public sealed class RouteArgs : Args
{
    public required Input<string> RouteTableId { get; init; }
    public required Input<string> DestinationCidrBlock { get; init; }
    public Input<string>? GatewayId { get; init; }
    public Input<string>? NatGatewayId { get; init; }
}

using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ec2/routeTable:RouteTable</c>; routes are separate <see cref="Route"/> resources.</summary>
public sealed class RouteTable(Scope scope, string id, RouteTableArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/routeTable:RouteTable";
}

public sealed class RouteTableArgs : Args
{
    public required Input<string> VpcId { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

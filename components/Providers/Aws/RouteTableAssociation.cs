using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ec2/routeTableAssociation:RouteTableAssociation</c>.</summary>
public sealed class RouteTableAssociation(Scope scope, string id, RouteTableAssociationArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/routeTableAssociation:RouteTableAssociation";
}

public sealed class RouteTableAssociationArgs : Args
{
    public required Input<string> SubnetId { get; init; }
    public required Input<string> RouteTableId { get; init; }
}

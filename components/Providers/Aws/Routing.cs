using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ec2/internetGateway:InternetGateway</c>.</summary>
public sealed class InternetGateway(Scope scope, string id, InternetGatewayArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/internetGateway:InternetGateway";
}

public sealed class InternetGatewayArgs : Args
{
    public required Input<string> VpcId { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>aws:ec2/eip:Eip</c>.</summary>
public sealed class Eip(Scope scope, string id, EipArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/eip:Eip";
    public Output<string> AllocationId => Output<string>("allocationId");
    public Output<string> PublicIp => Output<string>("publicIp");
}

public sealed class EipArgs : Args
{
    public Input<string>? Domain { get; init; }
    public Input<string>? Instance { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

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

/// <summary><c>aws:ec2/vpcEndpoint:VpcEndpoint</c>.</summary>
public sealed class VpcEndpoint(Scope scope, string id, VpcEndpointArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/vpcEndpoint:VpcEndpoint";
    public Output<string> PrefixListId => Output<string>("prefixListId");
}

public sealed class VpcEndpointArgs : Args
{
    public required Input<string> VpcId { get; init; }
    public required Input<string> ServiceName { get; init; }
    public Input<string>? VpcEndpointType { get; init; }
    public IReadOnlyList<Input<string>>? RouteTableIds { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>aws:ec2/flowLog:FlowLog</c>.</summary>
public sealed class FlowLog(Scope scope, string id, FlowLogArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/flowLog:FlowLog";
}

public sealed class FlowLogArgs : Args
{
    public required Input<string> VpcId { get; init; }
    public required Input<string> TrafficType { get; init; }
    public required Input<string> LogDestinationType { get; init; }
    public required Input<string> LogDestination { get; init; }
    public Input<string>? IamRoleArn { get; init; }
    public Input<int>? MaxAggregationInterval { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>aws:cloudwatch/logGroup:LogGroup</c>.</summary>
public sealed class LogGroup(Scope scope, string id, LogGroupArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:cloudwatch/logGroup:LogGroup";
    public Output<string> Arn => Output<string>("arn");
}

public sealed class LogGroupArgs : Args
{
    public Input<string>? Name { get; init; }
    public Input<int>? RetentionInDays { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

using Infra.Synthesis;

namespace Infra.Providers.Aws;

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

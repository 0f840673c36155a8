using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:lb/targetGroup:TargetGroup</c>.</summary>
public sealed class TargetGroup(Scope scope, string id, TargetGroupArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:lb/targetGroup:TargetGroup";
    public Output<string> Arn => Output<string>("arn");
}

public sealed class TargetGroupArgs : Args
{
    public required Input<int> Port { get; init; }
    public required Input<string> Protocol { get; init; }
    public required Input<string> VpcId { get; init; }
    public Input<string>? TargetType { get; init; }
    public Input<int>? DeregistrationDelay { get; init; }
    public TargetGroupHealthCheck? HealthCheck { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed class TargetGroupHealthCheck : Args
{
    public Input<bool>? Enabled { get; init; }
    public Input<string>? Path { get; init; }
    public Input<string>? Protocol { get; init; }
    public Input<string>? Matcher { get; init; }
    public Input<int>? Interval { get; init; }
    public Input<int>? Timeout { get; init; }
    public Input<int>? HealthyThreshold { get; init; }
    public Input<int>? UnhealthyThreshold { get; init; }
}

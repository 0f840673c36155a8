using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:lb/loadBalancer:LoadBalancer</c>.</summary>
public sealed class LoadBalancer(Scope scope, string id, LoadBalancerArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:lb/loadBalancer:LoadBalancer";
    public Output<string> Arn => Output<string>("arn");
    public Output<string> DnsName => Output<string>("dnsName");
    public Output<string> ZoneId => Output<string>("zoneId");
}

public sealed class LoadBalancerArgs : Args
{
    public Input<string>? LoadBalancerType { get; init; }
    public Input<bool>? Internal { get; init; }
    public required IReadOnlyList<Input<string>> Subnets { get; init; }
    public required IReadOnlyList<Input<string>> SecurityGroups { get; init; }
    public Input<bool>? DropInvalidHeaderFields { get; init; }
    public Input<bool>? EnableDeletionProtection { get; init; }
    public Input<bool>? EnableHttp2 { get; init; }
    public Input<string>? DesyncMitigationMode { get; init; }
    public Input<int>? IdleTimeout { get; init; }
    public LoadBalancerAccessLogs? AccessLogs { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed class LoadBalancerAccessLogs : Args
{
    public required Input<string> Bucket { get; init; }
    public Input<string>? Prefix { get; init; }
    public Input<bool>? Enabled { get; init; }
}

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

/// <summary><c>aws:lb/targetGroupAttachment:TargetGroupAttachment</c>.</summary>
public sealed class TargetGroupAttachment(Scope scope, string id, TargetGroupAttachmentArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:lb/targetGroupAttachment:TargetGroupAttachment";
}

public sealed class TargetGroupAttachmentArgs : Args
{
    public required Input<string> TargetGroupArn { get; init; }
    public required Input<string> TargetId { get; init; }
    public Input<int>? Port { get; init; }
}

/// <summary><c>aws:lb/listener:Listener</c>.</summary>
public sealed class Listener(Scope scope, string id, ListenerArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:lb/listener:Listener";
    public Output<string> Arn => Output<string>("arn");
}

public sealed class ListenerArgs : Args
{
    public required Input<string> LoadBalancerArn { get; init; }
    public required Input<int> Port { get; init; }
    public required Input<string> Protocol { get; init; }
    public Input<string>? SslPolicy { get; init; }
    public Input<string>? CertificateArn { get; init; }
    public required IReadOnlyList<ListenerAction> DefaultActions { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>A listener or rule action (the schema's default-action and rule-action types share this shape).</summary>
public sealed class ListenerAction : Args
{
    public required Input<string> Type { get; init; }
    public Input<string>? TargetGroupArn { get; init; }
    public ListenerRedirect? Redirect { get; init; }
    public ListenerFixedResponse? FixedResponse { get; init; }
}

public sealed class ListenerRedirect : Args
{
    public Input<string>? Protocol { get; init; }
    public Input<string>? Port { get; init; }
    public required Input<string> StatusCode { get; init; }
}

public sealed class ListenerFixedResponse : Args
{
    public required Input<string> ContentType { get; init; }
    public Input<string>? MessageBody { get; init; }
    public Input<string>? StatusCode { get; init; }
}

/// <summary><c>aws:lb/listenerRule:ListenerRule</c>.</summary>
public sealed class ListenerRule(Scope scope, string id, ListenerRuleArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:lb/listenerRule:ListenerRule";
}

public sealed class ListenerRuleArgs : Args
{
    public required Input<string> ListenerArn { get; init; }
    public Input<int>? Priority { get; init; }
    public required IReadOnlyList<ListenerAction> Actions { get; init; }
    public required IReadOnlyList<ListenerRuleCondition> Conditions { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed class ListenerRuleCondition : Args
{
    public ListenerRuleValues? HostHeader { get; init; }
    public ListenerRuleValues? PathPattern { get; init; }
}

public sealed class ListenerRuleValues : Args
{
    public required IReadOnlyList<Input<string>> Values { get; init; }
}

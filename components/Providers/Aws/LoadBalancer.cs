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

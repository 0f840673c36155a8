using Infra.Synthesis;

namespace Infra.Providers.Aws;

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

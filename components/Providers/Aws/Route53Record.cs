using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:route53/record:Record</c>.</summary>
public sealed class Route53Record(Scope scope, string id, Route53RecordArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:route53/record:Record";
    public Output<string> Fqdn => Output<string>("fqdn");
}

public sealed class Route53RecordArgs : Args
{
    public required Input<string> ZoneId { get; init; }
    public required Input<string> Name { get; init; }
    public required Input<string> Type { get; init; }
    public Input<int>? Ttl { get; init; }
    public IReadOnlyList<Input<string>>? Records { get; init; }
    public IReadOnlyList<Route53Alias>? Aliases { get; init; }
    public Input<bool>? AllowOverwrite { get; init; }
}

public sealed class Route53Alias : Args
{
    public required Input<string> Name { get; init; }
    public required Input<string> ZoneId { get; init; }
    public required Input<bool> EvaluateTargetHealth { get; init; }
}

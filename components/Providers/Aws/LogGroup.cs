using Infra.Synthesis;

namespace Infra.Providers.Aws;

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

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

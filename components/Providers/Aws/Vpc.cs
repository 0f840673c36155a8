using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ec2/vpc:Vpc</c>.</summary>
public sealed class Vpc(Scope scope, string id, VpcArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/vpc:Vpc";
}

public sealed class VpcArgs : Args
{
    public required Input<string> CidrBlock { get; init; }
    public Input<bool>? EnableDnsHostnames { get; init; }
    public Input<bool>? EnableDnsSupport { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

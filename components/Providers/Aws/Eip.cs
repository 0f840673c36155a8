using Infra.Synthesis;

namespace Infra.Providers.Aws;

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

using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ec2/vpcEndpoint:VpcEndpoint</c>.</summary>
public sealed class VpcEndpoint(Scope scope, string id, VpcEndpointArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/vpcEndpoint:VpcEndpoint";
    public Output<string> PrefixListId => Output<string>("prefixListId");
}

public sealed class VpcEndpointArgs : Args
{
    public required Input<string> VpcId { get; init; }
    public required Input<string> ServiceName { get; init; }
    public Input<string>? VpcEndpointType { get; init; }
    public IReadOnlyList<Input<string>>? RouteTableIds { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

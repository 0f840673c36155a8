using Infra.Synthesis;

namespace Infra.Providers.Docker;

/// <summary><c>docker:index/network:Network</c>: a user-defined bridge network with DNS between containers.</summary>
public sealed class Network(Scope scope, string id, NetworkArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "docker:index/network:Network";

    public Output<string> NetworkName => Output<string>("name");
}

public sealed class NetworkArgs : Args
{
    public Input<string>? Name { get; init; }
    public Input<string>? Driver { get; init; }
    public Input<bool>? Internal { get; init; }
    public IReadOnlyList<Label>? Labels { get; init; }
}

/// <summary>A Docker label (<c>{label, value}</c>), the shape networks, volumes and containers share.</summary>
public sealed class Label : Args
{
    [WireName("label")] public required Input<string> Key { get; init; }
    public required Input<string> Value { get; init; }

    public static IReadOnlyList<Label> From(IEnumerable<KeyValuePair<string, string>> labels) =>
        labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new Label { Key = l.Key, Value = l.Value }).ToList();
}

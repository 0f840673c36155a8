using Infra.Synthesis;

namespace Infra.Providers.Docker;

/// <summary><c>docker:index/volume:Volume</c>: a named volume that outlives its containers.</summary>
public sealed class Volume(Scope scope, string id, VolumeArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "docker:index/volume:Volume";

    public Output<string> VolumeName => Output<string>("name");
}

public sealed class VolumeArgs : Args
{
    public Input<string>? Name { get; init; }
    public Input<string>? Driver { get; init; }
    public IReadOnlyList<Label>? Labels { get; init; }
}

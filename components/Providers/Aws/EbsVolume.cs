using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ebs/volume:Volume</c>.</summary>
public sealed class EbsVolume(Scope scope, string id, EbsVolumeArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ebs/volume:Volume";
}

public sealed class EbsVolumeArgs : Args
{
    public required Input<string> AvailabilityZone { get; init; }
    public Input<int>? Size { get; init; }
    public Input<string>? Type { get; init; }
    public Input<bool>? Encrypted { get; init; }
    public Input<string>? SnapshotId { get; init; }
    /// <summary>Snapshot the volume when it is destroyed: a teardown keeps the data.</summary>
    public Input<bool>? FinalSnapshot { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ec2/volumeAttachment:VolumeAttachment</c>.</summary>
public sealed class VolumeAttachment(Scope scope, string id, VolumeAttachmentArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/volumeAttachment:VolumeAttachment";
}

public sealed class VolumeAttachmentArgs : Args
{
    public required Input<string> DeviceName { get; init; }
    public required Input<string> InstanceId { get; init; }
    public required Input<string> VolumeId { get; init; }
    /// <summary>Stop the instance first so the file system is clean when the volume leaves.</summary>
    public Input<bool>? StopInstanceBeforeDetaching { get; init; }
}

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

/// <summary><c>aws:dlm/lifecyclePolicy:LifecyclePolicy</c>: scheduled EBS snapshots by tag.</summary>
public sealed class DlmLifecyclePolicy(Scope scope, string id, DlmLifecyclePolicyArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:dlm/lifecyclePolicy:LifecyclePolicy";
}

public sealed class DlmLifecyclePolicyArgs : Args
{
    public required Input<string> Description { get; init; }
    public required Input<string> ExecutionRoleArn { get; init; }
    public Input<string>? State { get; init; }
    public required DlmPolicyDetails PolicyDetails { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed class DlmPolicyDetails : Args
{
    public required IReadOnlyList<string> ResourceTypes { get; init; }
    public required IReadOnlyDictionary<string, string> TargetTags { get; init; }
    public required IReadOnlyList<DlmSchedule> Schedules { get; init; }
}

public sealed class DlmSchedule : Args
{
    public required Input<string> Name { get; init; }
    public required DlmCreateRule CreateRule { get; init; }
    public required DlmRetainRule RetainRule { get; init; }
    public Input<bool>? CopyTags { get; init; }
}

public sealed class DlmCreateRule : Args
{
    public required Input<int> Interval { get; init; }
    public required Input<string> IntervalUnit { get; init; }
    /// <summary>Start time, UTC, "hh:mm".</summary>
    public Input<string>? Times { get; init; }
}

public sealed class DlmRetainRule : Args
{
    public required Input<int> Count { get; init; }
}

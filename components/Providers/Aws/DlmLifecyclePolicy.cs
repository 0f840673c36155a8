using Infra.Synthesis;

namespace Infra.Providers.Aws;

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

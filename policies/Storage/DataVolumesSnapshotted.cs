using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Storage;

/// <summary>
/// STO-004: every EBS data volume is covered by an enabled DLM snapshot policy: its tags include
/// all of the policy's target tags.
/// </summary>
public sealed class DataVolumesSnapshotted : ResourcePolicy
{
    public override string Id => "STO-004";
    public override string Title => "Data volumes snapshotted (DLM)";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => resource.Type == Tokens.EbsVolume;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var tags = Taggable.Tags(resource);
        var policies = context.Blueprint.Resources
            .Where(r => r.Type == Tokens.DlmPolicy && (Props.String(r, "state") ?? "ENABLED") == "ENABLED")
            .Select(r => Props.Get(r, "policyDetails.targetTags") as ObjectExpr)
            .OfType<ObjectExpr>()
            .ToList();
        var covered = policies.Any(target => target.Entries.Count > 0 && target.Entries.All(t =>
            tags.TryGetValue(t.Key, out var value) && value == Props.String(t.Value)));
        if (!covered)
            yield return Violation(resource.Name,
                policies.Count == 0 ? "is not snapshotted: the program has no enabled DLM lifecycle policy." : "carries none of the DLM policies' target tags, so it is never snapshotted.",
                "add an aws:dlm/lifecyclePolicy:LifecyclePolicy whose policyDetails.targetTags match a tag of this volume (e.g. snapshot: daily).");
    }
}

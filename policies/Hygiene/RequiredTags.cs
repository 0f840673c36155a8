using Infra.Policies.Inspection;
using Infra.Policies.Storage;
using Infra.Synthesis;

namespace Infra.Policies.Hygiene;

/// <summary>
/// HYG-001: every taggable resource carries the stack's stack, tier and owner tags (AWS <c>tags</c>,
/// Docker <c>labels</c>), with the stack's values, so cost reports and clean-up find everything.
/// Docker volumes and networks carry only stack and tier: their labels cannot change without replacing
/// them (STO-006), and the owner can.
/// </summary>
public sealed class RequiredTags : ResourcePolicy
{
    public override string Id => "HYG-001";
    public override string Title => "Taggable resources carry stack, tier and owner";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => Taggable.Is(resource);

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var tags = Taggable.Tags(resource);
        // The two or three keys in a small array and loops, no dictionary or LINQ: every taggable resource is checked.
        (string Key, string Expected)[] required = LifetimeLabelsOnly.Covers(resource)
            ? [("stack", context.Identity.Stack), ("tier", context.Identity.TierName)]
            : [("stack", context.Identity.Stack), ("tier", context.Identity.TierName), ("owner", context.Settings.Owner)];
        var where = Taggable.Property(resource);
        List<string>? missing = null;
        foreach (var (key, _) in required)
            if (!tags.ContainsKey(key)) (missing ??= []).Add(key);
        if (missing is not null)
            yield return Violation(resource.Name, $"lacks the {string.Join(", ", missing)} {(where == "tags" ? "tag" : "label")}(s).",
                $"set {where} from StackIdentity.Tags.");
        foreach (var (key, expected) in required)
            if (tags.TryGetValue(key, out var value) && value is not null && value != expected)
                yield return Violation(resource.Name, $"has {key}={value} in its {where}, but the stack's {key} is {expected}.",
                    $"set {where} from StackIdentity.Tags; never hand-write them.");
    }
}

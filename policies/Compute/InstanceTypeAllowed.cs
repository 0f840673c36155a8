using Infra.Platform.Configuration;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Compute;

/// <summary>
/// CMP-004, the cost guard: instance types within the stack's allow-list (the tier's default, or
/// <c>infra:allowedInstanceTypes</c>), so a typo or a copy-paste does not start a fleet of metal.
/// </summary>
public sealed class InstanceTypeAllowed : ResourcePolicy
{
    public override string Id => "CMP-004";
    public override string Title => "Instance types within the tier's allow-list (cost guard)";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => Tokens.IsServer(resource.Type);

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        // The pattern variable stays inside one statement: a mutation tool can then switch each check on its own.
        if (Props.String(resource, "instanceType") is { } type && !TierPolicyProfile.Allows(context.AllowedInstanceTypes, type))
        {
            var allowed = context.AllowedInstanceTypes.Count == 0 ? "none on this tier" : string.Join(", ", context.AllowedInstanceTypes);
            yield return Violation(resource.Name, $"uses instance type {type}, outside the allow-list ({allowed}).",
                $"pick an allowed type, or widen {CommonKeys.AllowedInstanceTypes.FullName} for this stack after a cost review.");
        }
    }
}

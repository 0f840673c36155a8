using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Network;

/// <summary>
/// NET-007: every security group states its egress (an inline egress list, possibly empty, or egress
/// rules naming it), so what a server may reach is written down rather than left to a provider default.
/// </summary>
public sealed class ExplicitEgress : ResourcePolicy
{
    public override string Id => "NET-007";
    public override string Title => "Security groups declare explicit egress";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => resource.Type == Tokens.SecurityGroup;

    /// <summary>The groups named by a separate egress rule, found once per program (a scan per group is quadratic in a large one).</summary>
    private static readonly ProgramMemo<IReadOnlySet<Resource>> GroupsWithEgressRules = new(blueprint =>
        SecurityRule.All(blueprint).Where(r => !r.Ingress && r.Group is not null && r.Declared != r.Group).Select(r => r.Group!).ToHashSet());

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (Props.Get(resource, "egress") is not null) yield break;
        var hasRule = GroupsWithEgressRules.Get(context.Blueprint).Contains(resource);
        if (!hasRule)
            yield return Violation(resource.Name, "declares no egress, inline or as separate rules.",
                "add the egress it needs (e.g. tcp 443 to the VPC endpoints or NAT), or egress: [] to allow none.");
    }
}

using Infra.Policies.Inspection;

namespace Infra.Policies.Network;

/// <summary>
/// NET-002: SSH/RDP from outside the private address space is allowed only to the bastion's security
/// group (from its configured CIDRs); every other server is reached from inside the VPC.
/// </summary>
public sealed class AdminIngressOnlyToBastion : ProgramPolicy
{
    public override string Id => "NET-002";
    public override string Title => "SSH/RDP from outside the network only to the bastion";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var rules = SecurityRule.All(context.Blueprint).Where(r => r.Ingress && (r.Covers(22) || r.Covers(3389))).ToList();
        var violations = rules
            .Where(r => r.Group is null || !Roles.IsBastion(r.Group))
            .Select(r => (Rule: r, External: r.Cidrs.Where(c => !Cidr.IsWorld(c) && !Cidr.IsPrivate(c)).ToList()))
            .Where(x => x.External.Count > 0)
            .Select(x => Violation(x.Rule.Declared.Name,
                $"{x.Rule.Describe()} admits SSH/RDP from {string.Join(", ", x.External)} to {x.Rule.Group?.Name ?? "a group that is not the bastion's"}.",
                "admit external admin CIDRs only on the bastion's security group; let servers accept SSH only from the bastion's group."));
        return (rules.Select(r => r.Declared.Name).Distinct().Count(), violations);
    }
}

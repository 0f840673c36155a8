using Infra.Policies.Inspection;

namespace Infra.Policies.Network;

/// <summary>NET-001: no SSH, RDP or all-ports ingress from the whole internet (0.0.0.0/0 or ::/0), not even to the bastion.</summary>
public sealed class NoWorldAdminIngress : ProgramPolicy
{
    public override string Id => "NET-001";
    public override string Title => "No SSH/RDP or all-ports ingress from 0.0.0.0/0 or ::/0";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var rules = SecurityRule.All(context.Blueprint).Where(r => r.Ingress).ToList();
        var violations = rules
            .Where(r => r.Cidrs.Any(Cidr.IsWorld) && (r.AllPorts || r.Covers(22) || r.Covers(3389)))
            .Select(r => Violation(r.Declared.Name, $"{r.Describe()} opens {(r.AllPorts ? "every port" : "SSH/RDP")} to the whole internet.",
                "allow SSH only to the bastion and only from the configured admin CIDRs; reach servers through the bastion or SSM."));
        return (rules.Select(r => r.Declared.Name).Distinct().Count(), violations);
    }
}

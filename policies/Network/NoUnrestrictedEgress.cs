using Infra.Policies.Inspection;

namespace Infra.Policies.Network;

/// <summary>NET-008 (advisory): egress of every protocol to the whole internet lets a compromised server exfiltrate freely.</summary>
public sealed class NoUnrestrictedEgress : ProgramPolicy
{
    public override string Id => "NET-008";
    public override string Title => "No all-protocols egress to the internet";
    public override Severity Severity => Severity.Advisory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var rules = SecurityRule.All(context.Blueprint).Where(r => !r.Ingress).ToList();
        var violations = rules
            .Where(r => r.AllPorts && r.Cidrs.Any(Cidr.IsWorld))
            .Select(r => Violation(r.Declared.Name, $"{r.Describe()} allows every port and protocol to the internet.",
                "limit egress to what the server needs: tcp 443 (and 80 for package mirrors) or the VPC CIDR."));
        return (rules.Select(r => r.Declared.Name).Distinct().Count(), violations);
    }
}

using Infra.Policies.Exemptions;

namespace Infra.Policies;

/// <summary>A violation waived by an exemption of the stack's config.</summary>
public sealed record ExemptedViolation(Violation Violation, PolicyExemption Exemption);

/// <summary>One policy's result on one program: subjects checked, open violations and waived ones.</summary>
public sealed record PolicyResult(
    Policy Policy, int Checked, IReadOnlyList<Violation> Failed, IReadOnlyList<ExemptedViolation> Exempted)
{
    /// <summary>Subjects with no violation at all (waived or not).</summary>
    public int Passed => Math.Max(0, Checked - Failed.Select(v => v.Subject).Concat(Exempted.Select(e => e.Violation.Subject))
        .Distinct(StringComparer.Ordinal).Count());

    public string Status => Failed.Count > 0 ? "FAIL" : Exempted.Count > 0 ? "exempt" : Checked == 0 ? "n/a" : "pass";
}

using Infra.Policies.Exemptions;

namespace Infra.Policies;

/// <summary>Every policy's result on one stack's program, and the exemptions the stack declares.</summary>
public sealed record PolicyReport(string Stack, IReadOnlyList<PolicyResult> Results, IReadOnlyList<PolicyExemption> Exemptions)
{
    public IEnumerable<Violation> Failed => Results.SelectMany(r => r.Failed);

    public IReadOnlyList<Violation> MandatoryFailures => Failed.Where(v => v.Severity == Severity.Mandatory).ToList();

    public IReadOnlyList<Violation> AdvisoryFailures => Failed.Where(v => v.Severity == Severity.Advisory).ToList();

    public bool HasMandatoryFailures => MandatoryFailures.Count > 0;

    /// <summary>Exemptions that waived nothing: stale, or naming a resource that does not exist.</summary>
    public IReadOnlyList<PolicyExemption> UnusedExemptions =>
        Exemptions.Where(e => !Results.SelectMany(r => r.Exempted).Any(x => x.Exemption == e)).ToList();
}

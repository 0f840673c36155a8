using Infra.Policies.Exemptions;

namespace Infra.Policies;

/// <summary>
/// The policies every program is checked against, and their evaluation. The pack is every concrete
/// <see cref="Policy"/> of this assembly, listed in <see cref="PolicyCatalog"/>; ids must be unique.
/// </summary>
public static class PolicyPack
{
    public static IReadOnlyList<Policy> All { get; } = Discover();

    public static Policy? Find(string id) => All.FirstOrDefault(p => p.Id == id);

    public static PolicyReport Evaluate(PolicyContext context, IReadOnlyList<PolicyExemption> exemptions) =>
        Evaluate(All, context, exemptions);

    public static PolicyReport Evaluate(IEnumerable<Policy> policies, PolicyContext context, IReadOnlyList<PolicyExemption> exemptions)
    {
        var results = new List<PolicyResult>();
        foreach (var policy in policies)
        {
            var outcome = policy.Evaluate(context);
            var failed = new List<Violation>();
            var exempted = new List<ExemptedViolation>();
            foreach (var violation in outcome.Violations)
            {
                if (exemptions.FirstOrDefault(e => e.Matches(violation)) is { } exemption)
                    exempted.Add(new ExemptedViolation(violation, exemption));
                else
                    failed.Add(violation);
            }
            results.Add(new PolicyResult(policy, outcome.Checked, failed, exempted));
        }
        return new PolicyReport(context.Identity.Stack, results, exemptions);
    }

    private static List<Policy> Discover()
    {
        var policies = PolicyCatalog.Create()
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        var duplicate = policies.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException(
                $"Policy id {duplicate.Key} is used by {string.Join(" and ", duplicate.Select(p => p.GetType().Name))}; ids must be unique.");
        return policies;
    }
}

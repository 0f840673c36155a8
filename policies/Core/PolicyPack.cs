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

    public static PolicyReport Evaluate(IEnumerable<Policy> policies, PolicyContext context, IReadOnlyList<PolicyExemption> exemptions) =>
        new PolicyRun(policies.ToList(), context, exemptions).Finish();

    /// <summary>An evaluation of the whole pack that other threads can help with (<see cref="PolicyRun.Help"/>) before it is finished.</summary>
    public static PolicyRun Start(PolicyContext context, IReadOnlyList<PolicyExemption> exemptions) => new(All, context, exemptions);

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

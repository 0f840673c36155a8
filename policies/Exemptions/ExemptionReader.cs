using System.Text.Json.Nodes;
using Infra.Platform.Configuration;

namespace Infra.Policies.Exemptions;

/// <summary>
/// Reads <c>infra:policyExemptions</c>. The config binder checks each item's fields against their declaration
/// (<see cref="PolicyExemptionEntry"/>); this adds what only the pack knows: that the policy exists, that a
/// mandatory one waived on production says allowOnProduction, that no pair repeats. Every problem is reported
/// to the stack's <see cref="ConfigReader"/>, so it is listed with the other config errors.
/// </summary>
public static class ExemptionReader
{
    /// <summary>Binds <paramref name="node"/> (a list, or JSON text of one) as <c>infra:policyExemptions</c> and checks it.</summary>
    public static IReadOnlyList<PolicyExemption> Read(JsonNode? node, ConfigReader config, IReadOnlyList<Policy> policies, bool production) =>
        node is null ? [] : Check(config.Bind(CommonKeys.PolicyExemptions, node) ?? [], policies, production);

    public static IReadOnlyList<PolicyExemption> Check(IReadOnlyList<PolicyExemptionEntry> entries, IReadOnlyList<Policy> policies, bool production)
    {
        var exemptions = new List<PolicyExemption>();
        foreach (var entry in entries)
        {
            var at = entry.At.Field(PolicyExemptionEntry.PolicyField);
            var policy = policies.FirstOrDefault(p => p.Id == entry.Policy);
            if (policy is null)
            {
                var suggestion = DidYouMean.Suggest(entry.Policy, policies.Select(p => p.Id));
                at.Fail(entry.Policy, suggestion is null ? "is not a policy id." : $"is not a policy id. Did you mean {suggestion}?");
                continue;
            }
            if (policy.Severity == Severity.Mandatory && production && !entry.AllowOnProduction)
            {
                at.Fail(entry.Policy, $"exempts mandatory policy {entry.Policy} ({policy.Title}) on a production stack without allowOnProduction: true.",
                    "remove the exemption and fix the resource, or add allowOnProduction: true after review");
                continue;
            }
            if (exemptions.Any(e => e.PolicyId == entry.Policy && e.Resource == entry.Resource))
            {
                entry.At.Fail($"{entry.Policy} {entry.Resource}", "repeats an earlier exemption.", "each policy/resource pair once");
                continue;
            }
            exemptions.Add(new PolicyExemption(entry.Policy, entry.Resource, entry.Reason, entry.AllowOnProduction));
        }
        return exemptions;
    }
}

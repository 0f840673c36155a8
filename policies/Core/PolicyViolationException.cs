namespace Infra.Policies;

/// <summary>
/// Synthesis refused because the program breaks mandatory policies. The message lists every open
/// mandatory violation (not only the first), each with its resource and fix.
/// </summary>
public sealed class PolicyViolationException(PolicyReport report) : Exception(Format(report))
{
    public PolicyReport Report { get; } = report;

    private static string Format(PolicyReport report)
    {
        var failures = report.MandatoryFailures;
        var noun = failures.Count == 1 ? "violation" : "violations";
        return $"Stack '{report.Stack}' breaks mandatory policies ({failures.Count} {noun}); the program was not printed " +
               "and nothing will be deployed:\n" +
               string.Join("\n", failures.Select(v => "  - " + v.Render())) + "\n" +
               $"Fix the resources, or waive one finding with a reason in infra:policyExemptions " +
               $"(see `infra policy {report.Stack}`).";
    }
}

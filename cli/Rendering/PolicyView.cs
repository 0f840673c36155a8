using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Policies;
using Infra.Policies.Exemptions;

namespace Infra.Cli.Rendering;

/// <summary>The policy pack's report as a table for people, or as JSON for CI.</summary>
public static class PolicyView
{
    /// <summary>Every policy with its pass/fail/exempt counts, then the violations and the exemptions.</summary>
    public static string Table(PolicyReport report, PolicyConfig config)
    {
        var text = new StringBuilder();
        var mandatory = report.MandatoryFailures.Count;
        var advisory = report.AdvisoryFailures.Count;
        text.Append(CultureInfo.InvariantCulture,
            $"Policies for stack {report.Stack}: {report.Results.Count} policies, {mandatory} mandatory violation(s), {advisory} advisory finding(s).").AppendLine();
        text.AppendLine();
        AppendCatalog(text, report.Results.Select(r => (r.Policy, r.Status, (int?)r.Passed, (int?)r.Failed.Count, (int?)r.Exempted.Count)));
        Violations(text, report);
        text.AppendLine();
        text.AppendLine("Exemptions (infra:policyExemptions):");
        if (report.Exemptions.Count == 0) text.AppendLine("  (none)");
        foreach (var exemption in report.Exemptions)
        {
            var unused = report.UnusedExemptions.Contains(exemption) ? " [matched nothing: remove it?]" : "";
            var production = exemption.AllowOnProduction ? " [allowOnProduction]" : "";
            text.Append(CultureInfo.InvariantCulture, $"  {exemption.PolicyId} {exemption.Resource}: {exemption.Reason}{production}{unused}").AppendLine();
        }
        text.AppendLine();
        text.Append("Cost guard (infra:allowedInstanceTypes): ")
            .Append(config.AllowedInstanceTypes.Count == 0 ? "(no instances allowed on this tier)" : string.Join(", ", config.AllowedInstanceTypes))
            .AppendLine();
        return text.ToString();
    }

    /// <summary>The pack's policies without a stack: what would be checked.</summary>
    public static string Catalog(IReadOnlyList<Policy> policies)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{policies.Count} policies (run `infra policy STACK` to check a stack):").AppendLine().AppendLine();
        AppendCatalog(text, policies.Select(p => (p, "-", (int?)null, (int?)null, (int?)null)));
        return text.ToString();
    }

    /// <summary>The open violations and the waived ones, for `infra plan` and `infra policy`.</summary>
    public static void Violations(StringBuilder text, PolicyReport report)
    {
        var failed = report.Failed.OrderBy(v => v.Severity).ThenBy(v => v.PolicyId, StringComparer.Ordinal).ToList();
        text.AppendLine();
        text.AppendLine(failed.Count == 0 ? "Policy findings: none." : "Policy findings (run `infra policy` for the table):");
        foreach (var violation in failed) text.Append("  ").Append(violation.Render()).AppendLine();
        var exempted = report.Results.SelectMany(r => r.Exempted).ToList();
        if (exempted.Count == 0) return;
        text.AppendLine("Exempted:");
        foreach (var (violation, exemption) in exempted)
            text.Append(CultureInfo.InvariantCulture, $"  [{violation.PolicyId}] {violation.Subject}{(violation.Property is null ? "" : " " + violation.Property)}: {violation.Problem} Exempt: {exemption.Reason}").AppendLine();
    }

    public static string Json(PolicyReport report, PolicyConfig config)
    {
        var root = new JsonObject
        {
            ["stack"] = report.Stack,
            ["passed"] = !report.HasMandatoryFailures,
            ["mandatoryViolations"] = report.MandatoryFailures.Count,
            ["advisoryViolations"] = report.AdvisoryFailures.Count,
            ["policies"] = new JsonArray(report.Results.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Policy.Id,
                ["title"] = r.Policy.Title,
                ["category"] = r.Policy.Category,
                ["severity"] = Name(r.Policy.Severity),
                ["status"] = r.Status,
                ["checked"] = r.Checked,
                ["passed"] = r.Passed,
                ["failed"] = r.Failed.Count,
                ["exempted"] = r.Exempted.Count,
            }).ToArray()),
            ["violations"] = new JsonArray(report.Failed.Select(v => (JsonNode)Violation(v)).ToArray()),
            ["exempted"] = new JsonArray(report.Results.SelectMany(r => r.Exempted).Select(e =>
            {
                var node = Violation(e.Violation);
                node["reason"] = e.Exemption.Reason;
                return (JsonNode)node;
            }).ToArray()),
            ["exemptions"] = new JsonArray(report.Exemptions.Select(e => (JsonNode)new JsonObject
            {
                ["policy"] = e.PolicyId,
                ["resource"] = e.Resource,
                ["reason"] = e.Reason,
                ["allowOnProduction"] = e.AllowOnProduction,
                ["used"] = !report.UnusedExemptions.Contains(e),
            }).ToArray()),
            ["allowedInstanceTypes"] = new JsonArray(config.AllowedInstanceTypes.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Violation(Violation v)
    {
        var node = new JsonObject
        {
            ["policy"] = v.PolicyId,
            ["severity"] = Name(v.Severity),
            ["resource"] = v.Subject,
        };
        if (v.Property is not null) node["property"] = v.Property;
        node["problem"] = v.Problem;
        if (v.Source is not null) node["source"] = v.Source;
        node["fix"] = v.Fix;
        return node;
    }

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    private static void AppendCatalog(StringBuilder text, IEnumerable<(Policy Policy, string Status, int? Pass, int? Fail, int? Exempt)> rows)
    {
        static string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "-";
        text.AppendLine("ID       SEVERITY   STATUS   PASS  FAIL  EXEMPT  TITLE");
        foreach (var (policy, status, pass, fail, exempt) in rows)
        {
            text.Append(policy.Id.PadRight(9)).Append(Name(policy.Severity).PadRight(11)).Append(status.PadRight(7))
                .Append(N(pass).PadLeft(6)).Append(N(fail).PadLeft(6)).Append(N(exempt).PadLeft(8)).Append("  ").Append(policy.Title)
                .AppendLine();
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Platform.Configuration;

namespace Infra.Policies.Exemptions;

/// <summary>
/// Reads <c>infra:policyExemptions</c>: a list of <c>{policy, resource, reason, allowOnProduction}</c>.
/// Every problem is reported to the stack's <see cref="ConfigReader"/>, so it is listed with the other
/// config errors and fails synthesis the same way.
/// </summary>
public static class ExemptionReader
{
    private static readonly string[] Fields = ["policy", "resource", "reason", "allowOnProduction"];

    public static IReadOnlyList<PolicyExemption> Read(JsonNode? node, ConfigReader config, IReadOnlyList<Policy> policies,
        bool production)
    {
        if (node is null) return [];
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            // Pulumi hands structured config to the compiler as JSON text.
            try { node = JsonNode.Parse(text); }
            catch (JsonException) { node = null; }
        }
        // Each pattern variable below is used inside the statement that declares it, so a mutation tool
        // can wrap any statement in its switch and the method still compiles.
        if (node is JsonArray list) return ReadList(list, config, policies, production);
        config.Report(CommonKeys.PolicyExemptions, null, "must be a list of {policy, resource, reason} objects.");
        return [];
    }

    private static List<PolicyExemption> ReadList(JsonArray list, ConfigReader config, IReadOnlyList<Policy> policies, bool production)
    {
        var exemptions = new List<PolicyExemption>();
        for (var i = 0; i < list.Count; i++)
        {
            var where = $"[{i}]";
            if (list[i] is JsonObject item)
            {
                if (ReadItem(item, where, config, policies, production, exemptions) is { } exemption) exemptions.Add(exemption);
            }
            else
            {
                config.Report(CommonKeys.PolicyExemptions, where, "must be an object {policy, resource, reason}.");
            }
        }
        return exemptions;
    }

    /// <summary>One exemption, or null after reporting every problem it has.</summary>
    private static PolicyExemption? ReadItem(JsonObject item, string where, ConfigReader config, IReadOnlyList<Policy> policies,
        bool production, IReadOnlyList<PolicyExemption> earlier)
    {
        var key = CommonKeys.PolicyExemptions;
        var ok = true;
        foreach (var field in item.Select(e => e.Key).Where(k => !Fields.Contains(k)))
        {
            config.Report(key, $"{where}.{field}", "is not a known field.", string.Join(", ", Fields));
            ok = false;
        }
        var id = Text(item["policy"]);
        var policy = policies.FirstOrDefault(p => p.Id == id);
        if (policy is null)
        {
            var suggestion = id is null ? null : DidYouMean.Suggest(id, policies.Select(p => p.Id));
            config.Report(key, $"{where}.policy = {id}",
                id is null ? "is missing." : suggestion is null ? "is not a policy id." : $"is not a policy id. Did you mean {suggestion}?",
                "a policy id listed by `infra policy`, e.g. NET-001");
            ok = false;
        }
        var resource = Text(item["resource"]);
        if (string.IsNullOrWhiteSpace(resource))
        {
            config.Report(key, $"{where}.resource", "is missing.", "a resource's logical name (as `infra plan` shows it), or \"*\" for all");
            ok = false;
        }
        var reason = Text(item["reason"]);
        if (string.IsNullOrWhiteSpace(reason))
        {
            config.Report(key, $"{where}.reason", $"is missing: an exemption of {id ?? "a policy"} must say why.",
                "a sentence naming why the rule does not apply and until when");
            ok = false;
        }
        var allowOnProduction = false;
        if (item["allowOnProduction"] is { } flag)
        {
            if (bool.TryParse(flag.ToString(), out var parsed)) allowOnProduction = parsed;
            else
            {
                config.Report(key, $"{where}.allowOnProduction = {flag}", "is not a boolean.", "true or false");
                ok = false;
            }
        }
        if (policy is { Severity: Severity.Mandatory } && production && !allowOnProduction)
        {
            config.Report(key, $"{where}.policy = {id}",
                $"exempts mandatory policy {id} ({policy.Title}) on a production stack without allowOnProduction: true.",
                "remove the exemption and fix the resource, or add allowOnProduction: true after review");
            ok = false;
        }
        if (ok && earlier.Any(e => e.PolicyId == id && e.Resource == resource))
        {
            config.Report(key, $"{where} = {id} {resource}", "repeats an earlier exemption.", "each policy/resource pair once");
            ok = false;
        }
        return ok ? new PolicyExemption(id!, resource!, reason!.Trim(), allowOnProduction) : null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();
}

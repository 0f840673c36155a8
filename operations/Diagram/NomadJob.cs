using System.Text.Json;

namespace Infra.Operations.Diagram;

/// <summary>
/// A Nomad job as the diagram shows it, read from its JSON jobspec: its id, the node class its constraints
/// place it on (<c>${node.class} = k3s</c>, job or group level) and how many allocations it asks for.
/// </summary>
public sealed record NomadJob(string Id, string? NodeClass, string Placement)
{
    /// <summary>The job; a jobspec that is not JSON (HCL) gives the resource's name and no placement.</summary>
    public static NomadJob Of(string? jobspec, string resourceName)
    {
        JsonDocument? document = null;
        try
        {
            if (jobspec is not null && jobspec.TrimStart().StartsWith('{')) document = JsonDocument.Parse(jobspec);
        }
        catch (JsonException)
        {
            document = null;
        }
        if (document is null || !document.RootElement.TryGetProperty("Job", out var job)) return new NomadJob(resourceName, null, "");
        using (document)
        {
            var id = job.TryGetProperty("ID", out var named) ? named.GetString() ?? resourceName : resourceName;
            var groups = job.TryGetProperty("TaskGroups", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
            var nodeClass = ClassConstraint(job) ?? groups.Select(ClassConstraint).FirstOrDefault(c => c is not null);
            var placement = job.TryGetProperty("Type", out var type) && type.GetString() == "system"
                ? "one on every node"
                : $"{groups.Sum(g => g.TryGetProperty("Count", out var count) && count.TryGetInt32(out var n) ? n : 1)} allocations";
            return new NomadJob(id, nodeClass, placement);
        }
    }

    private static string? ClassConstraint(JsonElement scope)
    {
        if (!scope.TryGetProperty("Constraints", out var constraints) || constraints.ValueKind != JsonValueKind.Array) return null;
        foreach (var constraint in constraints.EnumerateArray())
        {
            var left = constraint.TryGetProperty("LTarget", out var l) ? l.GetString() ?? "" : "";
            var operand = constraint.TryGetProperty("Operand", out var o) ? o.GetString() : null;
            if (left.Contains("node.class", StringComparison.Ordinal) && operand is "=" or "==" && constraint.TryGetProperty("RTarget", out var right))
                return right.GetString();
        }
        return null;
    }
}

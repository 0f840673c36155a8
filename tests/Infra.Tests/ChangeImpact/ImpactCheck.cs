using Infra.Operations.Diff;

namespace Infra.Tests.ChangeImpact;

/// <summary>
/// Compares the offline diff of a day-2 change with its catalogue entry and with the rules that hold for
/// every change: no URN of an existing resource moves, no listener rule or subnet is renumbered, no data
/// volume is replaced. Returns one line per violation; none means the change does exactly what the entry says.
/// </summary>
public static class ImpactCheck
{
    private static readonly string[] DataVolumeTypes = ["docker:index/volume:Volume", "aws:ebs/volume:Volume"];
    private const string ListenerRule = "aws:lb/listenerRule:ListenerRule";
    private const string Subnet = "aws:ec2/subnet:Subnet";

    public static IReadOnlyList<string> Violations(DayTwoChange entry, ProgramDiff diff)
    {
        var violations = new List<string>();
        Fates(entry, diff, violations);
        Invariants(diff, violations);
        return violations;
    }

    private static void Fates(DayTwoChange entry, ProgramDiff diff, List<string> violations)
    {
        var fates = new (ResourceChangeKind Kind, string Verb, string Key, IReadOnlyList<ResourcePattern> Allowed)[]
        {
            (ResourceChangeKind.Added, "created", "creates", entry.Creates),
            (ResourceChangeKind.Changed, "updated", "updates", entry.Updates),
            (ResourceChangeKind.Replaced, "replaced", "replaces", entry.Replaces),
            (ResourceChangeKind.Removed, "deleted", "deletes", entry.Deletes),
        };
        foreach (var (kind, verb, key, allowed) in fates)
        {
            var affected = diff.Resources.Where(resource => resource.Kind == kind).ToList();
            // A replaced data volume is reported once, by the invariant below.
            foreach (var resource in affected.Where(resource => !allowed.Any(pattern => pattern.Matches(resource.Name)) && !IsReplacedDataVolume(resource)))
            {
                violations.Add($"{resource.Name} ({resource.Type}) is {verb}, but '{key}' does not list it{Detail(resource)}");
            }
            foreach (var pattern in allowed.Where(pattern => !pattern.Optional && !affected.Any(resource => pattern.Matches(resource.Name))))
            {
                var elsewhere = diff.Resources.Where(resource => pattern.Matches(resource.Name))
                    .Select(resource => $"{resource.Name} is {resource.Kind.ToString().ToLowerInvariant()}").ToList();
                violations.Add($"expected {pattern} to be {verb} ('{key}'), but nothing matching it is" +
                               (elsewhere.Count > 0 ? $" ({string.Join(", ", elsewhere)})" : ""));
            }
        }
    }

    private static void Invariants(ProgramDiff diff, List<string> violations)
    {
        foreach (var resource in diff.Resources)
        {
            foreach (var reason in resource.ReplacedBecause.Where(reason => reason.Cause == ReplacementCause.Identity))
            {
                violations.Add($"{resource.Name}: its URN changes, {reason.Explanation}");
            }
            if (resource.OldName is not null) continue;
            if (IsReplacedDataVolume(resource))
            {
                violations.Add($"{resource.Name}: a data volume is replaced ({string.Join("; ", resource.ReplacedBecause.Select(reason => $"{reason.Path}: {reason.Explanation}"))}); data must survive changes that are not about data");
            }
            if (resource.Type == ListenerRule)
            {
                var moved = Paths(resource, "priority", "actions", "conditions");
                if (moved.Count > 0) violations.Add($"{resource.Name}: an existing listener rule is renumbered or rewired ({string.Join(", ", moved)})");
            }
            if (resource.Type == Subnet)
            {
                var moved = Paths(resource, "cidrBlock", "availabilityZone");
                if (moved.Count > 0) violations.Add($"{resource.Name}: an existing subnet is renumbered ({string.Join(", ", moved)})");
            }
        }
    }

    private static bool IsReplacedDataVolume(ResourceChange resource) =>
        resource.Kind == ResourceChangeKind.Replaced && DataVolumeTypes.Contains(resource.Type);

    private static List<string> Paths(ResourceChange resource, params string[] properties) =>
        [.. resource.PropertyChanges
            .Where(change => PropertyPath.UnderProperties(change.Path) is { } relative
                             && properties.Any(property => PropertyPath.IsUnder(relative, property)))
            .Select(change => $"{change.Path}: {change.OldValue} → {change.NewValue}")];

    private static string Detail(ResourceChange resource)
    {
        var lines = resource.Kind switch
        {
            ResourceChangeKind.Replaced => resource.ReplacedBecause.Select(reason => $"{reason.Path}: {reason.Explanation}"),
            ResourceChangeKind.Changed => resource.PropertyChanges.Concat(resource.OptionChanges).Select(ChangeLine.Format).Concat(resource.ImpliedBy),
            _ => [],
        };
        var shown = lines.Take(3).ToList();
        return shown.Count == 0 ? "" : $" ({string.Join("; ", shown)})";
    }
}

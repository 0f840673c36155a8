using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Platform;
using Infra.Platform.Services;

namespace Infra.Constructs.Aws;

/// <summary>
/// Names and numbers the ALB listener rules of a route table from each route's host and path, never
/// from its position in the table.
/// <para>
/// Priority: the ALB evaluates a listener's rules from the lowest number up (1 to 50000), and the route
/// table's rule is that the longest path prefix of a host wins. A path prefix that covers another is
/// always shallower (fewer segments, as prefixes end with '/'), so the range is cut into one band per
/// depth, deepest first: depth d gets 5000 numbers starting at (9 - d) * 5000 + 1, and a route's place
/// in its band comes from a hash of its host and path. Routes that do not cover each other match
/// disjoint requests, so their relative order does not matter. A route may set its priority explicitly
/// (<c>priority</c> in <c>infra:catalog</c>); that is the fix for the rare hash collision and the way to
/// route paths deeper than 9 segments.
/// </para>
/// <para>
/// Id: <c>rule-HOST-SEGMENT-...</c> when the host and segments are plain lower-case letters and digits
/// (that spelling is unambiguous); otherwise the same spelling, cleaned, plus 8 hex digits of the hash.
/// </para>
/// </summary>
public static partial class ListenerRulePlanner
{
    public const int MaxPriority = 50000;
    public const int BandSize = 5000;
    public const int MaxDerivedDepth = MaxPriority / BandSize - 1;
    private const int MaxSlugLength = 60;

    [GeneratedRegex("^[a-z0-9]+$")]
    private static partial Regex PlainWord();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAlphanumeric();

    /// <summary>A route whose rule cannot be numbered or named as derived, what is wrong and how to fix it.</summary>
    public sealed record Conflict(string Route, string Problem, string Fix);

    /// <summary>One rule per route, in the table's order; <paramref name="conflicts"/> is empty when the table is valid.</summary>
    public static IReadOnlyList<ListenerRuleIdentity> Plan(RouteTable routes, out IReadOnlyList<Conflict> conflicts)
    {
        var found = new List<Conflict>();
        var rules = new List<ListenerRuleIdentity>();
        foreach (var route in routes.Routes)
        {
            var priority = route.Priority ?? DerivedPriority(route);
            if (priority is null)
            {
                found.Add(new(route.Match, $"has {route.Depth} path segments; derived listener-rule priorities cover up to {MaxDerivedDepth}.",
                    $"an explicit priority ({route.Service}.routes priority: N), below that of every shorter route of host {route.Host}"));
                continue;
            }
            rules.Add(new ListenerRuleIdentity(route, Id(route), priority.Value));
        }

        foreach (var clash in rules.GroupBy(r => r.Priority).Where(g => g.Count() > 1))
        {
            var last = clash.Last();
            var others = string.Join(" and ", clash.SkipLast(1).Select(r => r.Route.Match));
            var free = FreePriorityNear(clash.Key, rules.Select(r => r.Priority).ToHashSet());
            found.Add(new(last.Route.Match, $"gets listener-rule priority {Number(clash.Key)}, as does {others}; ALB priorities are unique per listener.",
                $"an explicit priority for one of them, e.g. {last.Route.Service}.routes priority: {Number(free)} for {last.Route.Match}"));
        }
        foreach (var shallow in rules)
        {
            foreach (var deep in rules.Where(d => shallow.Route.Covers(d.Route) && d.Priority >= shallow.Priority))
                found.Add(new(deep.Route.Match,
                    $"has listener-rule priority {Number(deep.Priority)}, so the ALB would evaluate it after {shallow.Route.Match} " +
                    $"(priority {Number(shallow.Priority)}), which matches all its requests: it would never be used.",
                    $"a priority below {Number(shallow.Priority)} for {deep.Route.Match} ({deep.Route.Service}.routes priority: N)"));
        }
        foreach (var clash in rules.GroupBy(r => r.Id).Where(g => g.Count() > 1))
            found.Add(new(clash.Last().Route.Match, $"would share the listener-rule name '{clash.Key}' with {clash.First().Route.Match}.",
                "another path for one of them"));

        conflicts = found;
        return rules;
    }

    /// <summary>The rules of a table already validated (dc9 reports conflicts as config errors before synthesis).</summary>
    public static IReadOnlyList<ListenerRuleIdentity> Plan(RouteTable routes)
    {
        var rules = Plan(routes, out var conflicts);
        return conflicts.Count == 0
            ? rules
            : throw new InvalidOperationException("The route table's listener rules conflict: " +
                                                  string.Join(" ", conflicts.Select(c => $"{c.Route} {c.Problem}")));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The band of the route's depth, and its place in the band from its hash; null past the deepest band.</summary>
    public static int? DerivedPriority(IngressRoute route) =>
        route.Depth > MaxDerivedDepth
            ? null
            : (MaxDerivedDepth - route.Depth) * BandSize + 1 + (int)(Hash(route) % BandSize);

    public static string Id(IngressRoute route)
    {
        var words = new[] { route.Host }.Concat(route.PathPrefix.Split('/', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var plain = string.Join("-", words);
        if (words.All(w => PlainWord().IsMatch(w)) && plain.Length <= MaxSlugLength) return $"rule-{plain}";
        var slug = NotAlphanumeric().Replace(plain.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > MaxSlugLength) slug = slug[..MaxSlugLength].TrimEnd('-');
        return $"rule-{slug}-{Hash(route):x8}";
    }

    private static uint Hash(IngressRoute route) => StableHash.Of(route.Match);

    /// <summary>The nearest unused number in the same band, to suggest as an explicit priority.</summary>
    private static int FreePriorityNear(int taken, IReadOnlySet<int> used)
    {
        var bandStart = (taken - 1) / BandSize * BandSize + 1;
        for (var step = 1; step < BandSize; step++)
        {
            foreach (var candidate in new[] { taken + step, taken - step })
                if (candidate >= bandStart && candidate < bandStart + BandSize && !used.Contains(candidate)) return candidate;
        }
        return taken;
    }
}

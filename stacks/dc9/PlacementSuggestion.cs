using System.Globalization;
using Infra.Platform.Network;
using Infra.Platform.Services;

namespace Infra.Stacks.Dc9;

/// <summary>
/// The nearest placement that keeps the RAFT rules (<see cref="RaftQuorum"/>), offered as the fix when a
/// placement breaks them: the fewest servers added or removed (at most three changes of one server),
/// preferring a change to the Services listed last (usually the one just added) and a server fewer over
/// one more.
/// </summary>
public static class PlacementSuggestion
{
    private const int MaxChanges = 3;

    /// <summary>The nearest valid placement, or null when none is within <see cref="MaxChanges"/> servers.</summary>
    public static IReadOnlyDictionary<string, int>? Nearest(ServiceCatalog catalog, IReadOnlyDictionary<string, int> replicas,
        IReadOnlyDictionary<string, int> pinnedGroups)
    {
        var order = catalog.Names.Where(replicas.ContainsKey).ToList();
        var level = new List<int[]> { order.Select(s => replicas[s]).ToArray() };
        var seen = new HashSet<string> { Key(level[0]) };
        for (var changes = 1; changes <= MaxChanges; changes++)
        {
            var next = new List<int[]>();
            foreach (var counts in level)
            {
                for (var i = order.Count - 1; i >= 0; i--)
                {
                    foreach (var delta in new[] { -1, +1 })
                    {
                        var candidate = (int[])counts.Clone();
                        candidate[i] += delta;
                        if (candidate[i] is < 1 or > Dc9Placement.SlotsPerServicePerAz * Dc9Placement.ServerZones || !seen.Add(Key(candidate))) continue;
                        var placement = order.Select((s, k) => (s, candidate[k])).ToDictionary(p => p.s, p => p.Item2);
                        if (Valid(catalog, placement, pinnedGroups)) return placement;
                        next.Add(candidate);
                    }
                }
            }
            level = next;
        }
        return null;
    }

    /// <summary>A placement as config text, in catalog order: <c>{gateway: 3, billing: {servers: 2, addressGroup: 9}}</c>.</summary>
    public static string Render(ServiceCatalog catalog, IReadOnlyDictionary<string, int> replicas, IReadOnlyDictionary<string, int> pinnedGroups) =>
        "{" + string.Join(", ", catalog.Names.Where(replicas.ContainsKey).Select(s => pinnedGroups.TryGetValue(s, out var group)
            ? $"{s}: {{servers: {Number(replicas[s])}, addressGroup: {Number(group)}}}"
            : $"{s}: {Number(replicas[s])}")) + "}";

    private static bool Valid(ServiceCatalog catalog, IReadOnlyDictionary<string, int> placement, IReadOnlyDictionary<string, int> pinnedGroups)
    {
        try { return RaftQuorum.Holds(Dc9Placement.Place(catalog, placement, pinnedGroups)); }
        catch (NetworkPlanException) { return false; }
    }

    private static string Key(int[] counts) => string.Join(",", counts);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

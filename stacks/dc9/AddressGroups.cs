using System.Globalization;
using Infra.Platform;
using Infra.Platform.Services;

namespace Infra.Stacks.Dc9;

/// <summary>
/// The address group of each Service: which run of <see cref="Dc9Placement.SlotsPerServicePerAz"/> static
/// addresses it owns in every server AZ, and so (with the replica number) where its servers sit. It comes
/// from the Service's name, never from its position in the catalog or in <c>infra:placement</c> (Pulumi
/// hands config objects over with their keys sorted, so positions shift whenever a Service is added or
/// removed):
/// <list type="bullet">
/// <item>the platform's own Services have fixed groups: gateway 0, accounts 1, events 2;</item>
/// <item>any other Service gets group 3 to 15 from a hash of its name;</item>
/// <item>two Services on one group is a config error; the fix is an explicit group for one of them
/// (<c>infra:placement: {billing: {servers: 2, addressGroup: 9}}</c>), set on the Service being added, since
/// the other one's servers already sit at its addresses.</item>
/// </list>
/// </summary>
public static class AddressGroups
{
    /// <summary>Groups of the whole static block: 16 of 4 addresses in each 64-address block.</summary>
    public const int Count = Dc9Placement.StaticCapacity / Dc9Placement.SlotsPerServicePerAz;

    /// <summary>The platform's own Services, by group. Fixed forever: their servers' addresses depend on it.</summary>
    public static readonly IReadOnlyList<string> Reserved = ["gateway", "accounts", "events"];

    /// <summary>Two or more Services on one group, and the fix.</summary>
    public sealed record Clash(int Group, IReadOnlyList<string> Services, string Problem, string Fix);

    /// <summary>The group a Service gets when no explicit group is set.</summary>
    public static int Derived(string service)
    {
        var reserved = IndexOf(service);
        return reserved >= 0 ? reserved : Reserved.Count + (int)(StableHash.Of(service) % (uint)(Count - Reserved.Count));
    }

    /// <summary>The group of every Service in <paramref name="services"/>; <paramref name="clashes"/> is empty when they all differ.</summary>
    public static IReadOnlyDictionary<string, int> Assign(IEnumerable<string> services, IReadOnlyDictionary<string, int> pinned,
        out IReadOnlyList<Clash> clashes)
    {
        var groups = services.ToDictionary(s => s, s => pinned.TryGetValue(s, out var group) ? group : Derived(s));
        var found = new List<Clash>();
        foreach (var shared in groups.GroupBy(g => g.Value).Where(g => g.Count() > 1).OrderBy(g => g.Key))
        {
            var names = shared.Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
            var free = Enumerable.Range(Reserved.Count, Count - Reserved.Count).Where(g => !groups.ContainsValue(g)).Take(3).ToList();
            var movable = names.Where(n => !pinned.ContainsKey(n) && IndexOf(n) < 0).ToList();
            var example = movable.Count > 0 ? movable[^1] : names[^1];
            found.Add(new Clash(shared.Key, names,
                $"{Join(names)} get the same address group {Number(shared.Key)} (from their names), so their servers would share addresses.",
                free.Count == 0
                    ? $"at most {Count} Services have servers; drop one from infra:services"
                    : $"an explicit group for the Service you are adding, one of {string.Join(", ", free.Select(Number))}: " +
                      $"{{{example}: {{servers: N, addressGroup: {Number(free[0])}}}}} (a deployed Service keeps the group it has)"));
        }
        clashes = found;
        return groups;
    }

    private static int IndexOf(string service)
    {
        for (var i = 0; i < Reserved.Count; i++)
            if (Reserved[i] == service) return i;
        return -1;
    }

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 2 ? $"{names[0]} and {names[1]}" : string.Join(", ", names.SkipLast(1)) + " and " + names[^1];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

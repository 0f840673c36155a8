using Infra.Constructs.Aws;
using Infra.Platform.Services;

namespace Infra.Tests.Dc9;

/// <summary>
/// ALB listener rules are named and numbered from their route (host and path) alone: unique per
/// listener, the longest prefix of a host evaluated first, and untouched when other routes come or go.
/// </summary>
public class ListenerRulePlannerTests
{
    private static IngressRoute Route(string host, string path, string service = "svc", int? priority = null) =>
        new(host, path, service, priority);

    private static Dictionary<string, ListenerRuleIdentity> Plan(params IngressRoute[] routes)
    {
        var rules = ListenerRulePlanner.Plan(new RouteTable(routes), out var conflicts);
        Assert.Empty(conflicts);
        return rules.ToDictionary(r => r.Route.Match);
    }

    private static readonly IngressRoute[] Table =
    [
        Route("api", "/"), Route("api", "/accounts/"), Route("api", "/accounts/v2/"), Route("api", "/accounts/v2/admin/"),
        Route("api", "/events/"), Route("api", "/events/stream/"), Route("admin", "/"), Route("admin", "/reports/"),
        Route("api-v2", "/"), Route("www", "/static/assets/"),
    ];

    [Fact]
    public void The_default_routes_get_ids_and_priorities_from_their_host_and_path()
    {
        var rules = Plan(ServiceCatalog.Default.RoutesOf(ServiceCatalog.Defaults).Routes.ToArray());
        Assert.Equal(("rule-api-accounts", 40200), (rules["api/accounts/"].Id, rules["api/accounts/"].Priority));
        Assert.Equal(("rule-api-events", 40943), (rules["api/events/"].Id, rules["api/events/"].Priority));
        Assert.Equal(("rule-api", 46532), (rules["api/"].Id, rules["api/"].Priority));
    }

    [Fact]
    public void A_route_covered_by_another_of_its_host_is_evaluated_first_and_priorities_stay_in_the_alb_range()
    {
        var rules = Plan(Table);
        foreach (var shallow in rules.Values)
        foreach (var deep in rules.Values.Where(d => shallow.Route.Covers(d.Route)))
            Assert.True(deep.Priority < shallow.Priority, $"{deep.Route.Match} ({deep.Priority}) must come before {shallow.Route.Match} ({shallow.Priority})");
        Assert.All(rules.Values, r => Assert.InRange(r.Priority, 1, 50000));
        Assert.Equal(rules.Count, rules.Values.Select(r => r.Priority).Distinct().Count());
        Assert.Equal(rules.Count, rules.Values.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Adding_or_removing_routes_changes_no_other_rules_id_or_priority()
    {
        var full = Plan(Table);
        for (var skip = 0; skip < Table.Length; skip++)
        {
            var partial = Plan(Table.Where((_, i) => i != skip).ToArray());
            Assert.All(partial, p => Assert.Equal(full[p.Key], p.Value));
        }
        // Order of the input is irrelevant too.
        Assert.Equal(full.OrderBy(r => r.Key, StringComparer.Ordinal), Plan(Table.Reverse().ToArray()).OrderBy(r => r.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Moving_a_route_to_another_service_keeps_its_rule()
    {
        var before = Plan(Route("api", "/billing/", "billing"))["api/billing/"];
        var after = Plan(Route("api", "/billing/", "payments"))["api/billing/"];
        Assert.Equal((before.Id, before.Priority), (after.Id, after.Priority));
    }

    [Theory]
    [InlineData("api", "/", "rule-api")]
    [InlineData("api", "/accounts/v2/", "rule-api-accounts-v2")]
    [InlineData("api-accounts", "/", "rule-api-accounts-")]
    [InlineData("api", "/Accounts/", "rule-api-accounts-")]
    [InlineData("api", "/~user/", "rule-api-user-")]
    [InlineData("api", "/a.b_c/", "rule-api-a-b-c-")]
    public void Plain_routes_read_as_they_are_and_others_carry_a_hash_so_no_two_routes_share_an_id(string host, string path, string expected)
    {
        var id = ListenerRulePlanner.Id(Route(host, path));
        if (expected.EndsWith('-')) Assert.Matches($"^{expected}[0-9a-f]{{8}}$", id);
        else Assert.Equal(expected, id);
        Assert.NotEqual(ListenerRulePlanner.Id(Route("api-accounts", "/")), ListenerRulePlanner.Id(Route("api", "/accounts/")));
    }

    [Fact]
    public void A_priority_collision_is_a_conflict_with_a_fix_and_an_explicit_priority_resolves_it()
    {
        var pair = CollidingPair();
        ListenerRulePlanner.Plan(new RouteTable([pair.First, pair.Second]), out var conflicts);
        var conflict = Assert.Single(conflicts);
        var (kept, moved) = conflict.Route == pair.Second.Match ? pair : (pair.Second, pair.First);
        Assert.Equal(moved.Match, conflict.Route);
        Assert.Contains($"as does {kept.Match}; ALB priorities are unique per listener", conflict.Problem);
        Assert.Contains($"{moved.Service}.routes priority: ", conflict.Fix);

        var suggested = int.Parse(conflict.Fix.Split("priority: ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var fixedRules = Plan(kept, moved with { Priority = suggested });
        Assert.Equal(suggested, fixedRules[moved.Match].Priority);
        Assert.Equal(ListenerRulePlanner.DerivedPriority(kept), fixedRules[kept.Match].Priority);
    }

    [Fact]
    public void An_explicit_priority_that_would_shadow_a_longer_prefix_is_a_conflict()
    {
        ListenerRulePlanner.Plan(new RouteTable([Route("api", "/", priority: 10), Route("api", "/accounts/")]), out var conflicts);
        var conflict = Assert.Single(conflicts);
        Assert.Equal("api/accounts/", conflict.Route);
        Assert.Contains("evaluate it after api/ (priority 10), which matches all its requests", conflict.Problem);
        Assert.Contains("a priority below 10", conflict.Fix);
        // Another host's catch-all does not cover it.
        Assert.NotEmpty(Plan(Route("www", "/", priority: 10), Route("api", "/accounts/")));
    }

    [Fact]
    public void Paths_deeper_than_the_bands_need_an_explicit_priority()
    {
        var deep = Route("api", "/a/b/c/d/e/f/g/h/i/j/");
        Assert.Null(ListenerRulePlanner.DerivedPriority(deep));
        Assert.NotNull(ListenerRulePlanner.DerivedPriority(Route("api", "/a/b/c/d/e/f/g/h/i/")));
        ListenerRulePlanner.Plan(new RouteTable([deep]), out var conflicts);
        Assert.Contains("has 10 path segments; derived listener-rule priorities cover up to 9", Assert.Single(conflicts).Problem);
        Assert.Equal(3, Plan(deep with { Priority = 3 })[deep.Match].Priority);
    }

    /// <summary>Two depth-1 routes of one host whose derived priorities collide (found by search, so the test needs no magic names).</summary>
    internal static (IngressRoute First, IngressRoute Second) CollidingPair()
    {
        var seen = new Dictionary<int, IngressRoute>();
        for (var i = 0; ; i++)
        {
            var route = Route("api", $"/p{i}/", $"s{i}");
            var priority = ListenerRulePlanner.DerivedPriority(route)!.Value;
            if (seen.TryGetValue(priority, out var first)) return (first, route);
            seen.Add(priority, route);
        }
    }
}

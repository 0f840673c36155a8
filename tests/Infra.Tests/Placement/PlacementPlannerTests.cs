using Infra.Platform.Placement;
using Infra.Platform.Services;

namespace Infra.Tests.Placement;

/// <summary>Which Services each server runs: all on each (laptop, onprem3), or one per server spread over zones (dc9).</summary>
public class PlacementPlannerTests
{
    private static readonly ServiceSet All = new(ServiceCatalog.Defaults);

    [Fact]
    public void All_on_each_numbers_servers_from_one_and_gives_each_every_service()
    {
        var servers = PlacementPlanner.AllOnEach(3, All, "node");
        Assert.Equal(["node-1", "node-2", "node-3"], servers.Select(s => s.Name));
        Assert.Equal([1, 2, 3], servers.Select(s => s.Ordinal));
        Assert.All(servers, s => Assert.Same(All, s.Services));
        Assert.All(servers, s => Assert.Null(s.Zone));
        Assert.Equal("server-1", Assert.Single(PlacementPlanner.AllOnEach(1, All)).Name);
        Assert.Empty(PlacementPlanner.AllOnEach(0, All));
    }

    [Fact]
    public void One_per_server_spreads_each_services_replicas_round_robin_over_the_zones()
    {
        var servers = PlacementPlanner.OnePerServer(ServiceCatalog.Defaults, 3, ["a", "b", "c"]);
        Assert.Equal(
            ["server-gateway-1 1 a gateway", "server-gateway-2 2 b gateway", "server-gateway-3 3 c gateway",
             "server-accounts-1 4 a accounts", "server-accounts-2 5 b accounts", "server-accounts-3 6 c accounts",
             "server-events-1 7 a events", "server-events-2 8 b events", "server-events-3 9 c events"],
            servers.Select(s => $"{s.Name} {s.Ordinal} {s.Zone} {s.Services.Csv}"));
    }

    [Fact]
    public void More_replicas_than_zones_wrap_around_and_a_prefix_names_the_servers()
    {
        var servers = PlacementPlanner.OnePerServer([ServiceCatalog.Defaults[1]], 5, ["a", "b"], "app");
        Assert.Equal(["app-accounts-1 a", "app-accounts-2 b", "app-accounts-3 a", "app-accounts-4 b", "app-accounts-5 a"],
            servers.Select(s => $"{s.Name} {s.Zone}"));
        Assert.All(servers, s => Assert.Equal(["accounts"], s.Services.Names));
    }

    [Fact]
    public void One_zone_holds_every_replica_and_no_zone_is_an_error()
    {
        Assert.All(PlacementPlanner.OnePerServer(ServiceCatalog.Defaults, 2, ["only"]), s => Assert.Equal("only", s.Zone));
        Assert.Empty(PlacementPlanner.OnePerServer(ServiceCatalog.Defaults, 0, ["a"]));
        var error = Assert.Throws<ArgumentException>(() => PlacementPlanner.OnePerServer(ServiceCatalog.Defaults, 1, []));
        Assert.Equal("At least one zone is needed to place servers.", error.Message);
    }
}

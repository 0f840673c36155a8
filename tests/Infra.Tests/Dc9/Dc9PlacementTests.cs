using Infra.Platform.Network;
using Infra.Platform.Services;
using Infra.Stacks.Dc9;

namespace Infra.Tests.Dc9;

public class Dc9PlacementTests
{
    private static SubnetPlan Subnets(int azCount = 3) =>
        SubnetPlanner.Plan(new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), azCount, [new(SubnetTier.Public), new(SubnetTier.Private)]));

    private static ServiceCatalog Catalog(params string[] extra) =>
        new(ServiceCatalog.Defaults.Concat(extra.Select(n => new ServiceDefinition(n, n.Replace('-', '_'), [new("api", $"/{n}/", n)]))));

    private static Dictionary<string, string> Addresses(IReadOnlyDictionary<string, int> replicas, ServiceCatalog? catalog = null, int azCount = 3) =>
        Dc9Placement.Plan(catalog ?? ServiceCatalog.Default, replicas, Subnets(azCount)).Members.ToDictionary(m => m.Server.Name, m => $"{m.AzIndex} {m.Address}");

    private static readonly Dictionary<string, int> NinePeers = new() { ["gateway"] = 3, ["accounts"] = 3, ["events"] = 3 };

    [Fact]
    public void Replicas_of_a_service_land_in_different_azs_and_azs_stay_even()
    {
        var (members, blocks) = Dc9Placement.Plan(ServiceCatalog.Default, NinePeers, Subnets());
        Assert.Equal(9, members.Count);
        Assert.All(members.GroupBy(m => m.Server.Services.Csv), g => Assert.Equal(3, g.Select(m => m.AzIndex).Distinct().Count()));
        Assert.All(members.GroupBy(m => m.AzIndex), g => Assert.Equal(3, g.Count()));
        Assert.Equal(9, members.Select(m => m.Address).Distinct().Count());
        Assert.All(members, m => Assert.True(blocks[m.AzIndex].Block.Contains(m.Address)));
    }

    [Fact]
    public void The_default_services_keep_the_addresses_they_have_always_had()
    {
        // Pinned: these are the addresses of every deployed dc9 stack with the default Services.
        Assert.Equal(new Dictionary<string, string>
        {
            ["gateway-1"] = "0 10.0.64.64", ["gateway-2"] = "1 10.0.72.64", ["gateway-3"] = "2 10.0.80.64",
            ["accounts-1"] = "1 10.0.72.68", ["accounts-2"] = "2 10.0.80.68", ["accounts-3"] = "0 10.0.64.68",
            ["events-1"] = "2 10.0.80.72", ["events-2"] = "0 10.0.64.72", ["events-3"] = "1 10.0.72.72",
        }, Addresses(NinePeers));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Adding_an_az_never_moves_a_server(int azCount)
    {
        var catalog = Catalog("billing", "notifications-gateway");
        var replicas = new Dictionary<string, int> { ["gateway"] = 5, ["accounts"] = 3, ["events"] = 3, ["billing"] = 2, ["notifications-gateway"] = 4 };
        Assert.Equal(Addresses(replicas, catalog), Addresses(replicas, catalog, azCount));
    }

    [Fact]
    public void Adding_a_replica_or_a_service_never_moves_an_existing_server()
    {
        var before = Addresses(new Dictionary<string, int> { ["gateway"] = 3, ["events"] = 3 });
        var after = Addresses(new Dictionary<string, int> { ["gateway"] = 5, ["accounts"] = 3, ["events"] = 3 });
        Assert.All(before, server => Assert.Equal(server.Value, after[server.Key]));
        Assert.Equal(11, after.Count);
        Assert.Equal(11, after.Values.Distinct().Count());
    }

    [Fact]
    public void A_custom_service_keeps_its_servers_whatever_other_services_come_before_it_in_the_catalog()
    {
        // Pulumi hands config objects over with sorted keys: billing, added later, comes first in infra:catalog.
        var before = Addresses(NinePeers.Append(new("notifications", 2)).ToDictionary(), Catalog("notifications"));
        var after = Addresses(NinePeers.Append(new("billing", 2)).Append(new("notifications", 2)).ToDictionary(), Catalog("billing", "notifications"));
        Assert.All(before, server => Assert.Equal(server.Value, after[server.Key]));

        var removed = Addresses(NinePeers.Append(new("notifications", 2)).ToDictionary(), Catalog("notifications"));
        Assert.Equal(before, removed);
    }

    [Fact]
    public void Address_groups_derive_from_the_name_and_the_platforms_own_services_have_fixed_ones()
    {
        Assert.Equal([0, 1, 2], AddressGroups.Reserved.Select(AddressGroups.Derived));
        Assert.All(new[] { "billing", "notifications-gateway", "a", "search" }, name =>
            Assert.InRange(AddressGroups.Derived(name), AddressGroups.Reserved.Count, AddressGroups.Count - 1));
        Assert.Equal(AddressGroups.Derived("billing"), AddressGroups.Derived("billing"));
    }

    [Fact]
    public void Two_services_on_one_address_group_is_an_error_that_offers_a_free_group_and_the_explicit_group_fixes_it()
    {
        var pair = CollidingPair();
        var (first, second) = string.CompareOrdinal(pair.First, pair.Second) < 0 ? pair : (pair.Second, pair.First);
        var catalog = Catalog(first, second);
        var replicas = NinePeers.Append(new(first, 1)).Append(new(second, 1)).ToDictionary();
        var error = Assert.Throws<NetworkPlanException>(() => Dc9Placement.Place(catalog, replicas));
        Assert.Contains($"{first} and {second} get the same address group {AddressGroups.Derived(first)}", error.Message);
        Assert.Contains($"{{{second}: {{servers: N, addressGroup: ", error.Message);

        var free = int.Parse(error.Message.Split("addressGroup: ")[1].Split('}')[0], System.Globalization.CultureInfo.InvariantCulture);
        var placed = Dc9Placement.Place(catalog, replicas, new Dictionary<string, int> { [second] = free });
        Assert.Equal(free, placed.Single(s => s.Name == $"{second}-1").Group);
        Assert.Equal(AddressGroups.Derived(first), placed.Single(s => s.Name == $"{first}-1").Group);
    }

    /// <summary>Two Service names whose derived address groups are the same.</summary>
    public static (string First, string Second) CollidingPair()
    {
        var seen = new Dictionary<int, string>();
        for (var i = 0; ; i++)
        {
            var name = $"svc{i}";
            if (seen.TryGetValue(AddressGroups.Derived(name), out var earlier)) return (earlier, name);
            seen[AddressGroups.Derived(name)] = name;
        }
    }

    [Fact]
    public void Too_many_replicas_for_the_static_block_is_a_clear_error()
    {
        var error = Assert.Throws<NetworkPlanException>(() => Addresses(new Dictionary<string, int> { ["gateway"] = 13 }));
        Assert.Contains("Service 'gateway' server 13 has no static address", error.Message);
        Assert.Contains("a Service has at most 12. Lower its servers.", error.Message);
    }

    [Fact]
    public void Servers_live_in_the_first_three_azs_only_and_their_blocks_are_the_only_reservations()
    {
        var (members, blocks) = Dc9Placement.Plan(Catalog("billing"), NinePeers.Append(new("billing", 12)).ToDictionary(), Subnets(6));
        Assert.All(members, m => Assert.InRange(m.AzIndex, 0, Dc9Placement.ServerZones - 1));
        Assert.Equal(Dc9Placement.ServerZones, blocks.Count);
    }
}

using Infra.Platform.Network;
using Infra.Platform.Services;
using Infra.Stacks.Dc9;

namespace Infra.Tests.Dc9;

public class Dc9PlacementTests
{
    private static readonly SubnetPlan Subnets = SubnetPlanner.Plan(new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), 3, [new(SubnetTier.Public), new(SubnetTier.Private)]));

    private static Dictionary<string, string> Addresses(IReadOnlyDictionary<string, int> replicas) =>
        Dc9Placement.Plan(ServiceCatalog.Default, replicas, Subnets, 3).Members.ToDictionary(m => m.Server.Name, m => $"{m.AzIndex} {m.Address}");

    [Fact]
    public void Replicas_of_a_service_land_in_different_azs_and_azs_stay_even()
    {
        var (members, blocks) = Dc9Placement.Plan(ServiceCatalog.Default, new Dictionary<string, int> { ["gateway"] = 3, ["accounts"] = 3, ["events"] = 3 }, Subnets, 3);
        Assert.Equal(9, members.Count);
        Assert.All(members.GroupBy(m => m.Server.Services.Csv), g => Assert.Equal(3, g.Select(m => m.AzIndex).Distinct().Count()));
        Assert.All(members.GroupBy(m => m.AzIndex), g => Assert.Equal(3, g.Count()));
        Assert.Equal(9, members.Select(m => m.Address).Distinct().Count());
        Assert.All(members, m => Assert.True(blocks[m.AzIndex].Block.Contains(m.Address)));
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
    public void Too_many_replicas_for_the_static_block_is_a_clear_error()
    {
        var error = Assert.Throws<NetworkPlanException>(() => Addresses(new Dictionary<string, int> { ["gateway"] = 13 }));
        Assert.Contains("Service 'gateway' replica 13 has no static address: each AZ holds 4 replicas of a Service, so 3 AZs hold 12.", error.Message);
        Assert.Contains("Lower its replicas or add AZs", error.Message);
    }
}

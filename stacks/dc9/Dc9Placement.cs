using Infra.Constructs.Aws;
using Infra.Platform.Network;
using Infra.Platform.Placement;
using Infra.Platform.Services;

namespace Infra.Stacks.Dc9;

/// <summary>
/// Which server runs which Service, in which AZ, at which fixed address.
///
/// Replica r of the Service at catalog index k goes to AZ (k + r) mod azCount: a Service's replicas
/// land in different AZs, and the rotation by k evens out the AZs. Its address is slot
/// k * <see cref="SlotsPerServicePerAz"/> + r / azCount of the AZ's static block. That depends only on
/// the Service's catalog position and the replica number, so adding a replica or a Service never moves
/// an existing server (and never replaces a RAFT peer).
/// </summary>
public static class Dc9Placement
{
    /// <summary>Replicas of one Service that one AZ can hold (12 per Service over 3 AZs).</summary>
    public const int SlotsPerServicePerAz = 4;

    /// <summary>Static addresses per private subnet: room for 16 Services of the catalog.</summary>
    public const int StaticCapacity = 64;

    public static (IReadOnlyList<FleetMember> Members, IReadOnlyList<StaticAddressBlock> Blocks) Plan(
        ServiceCatalog catalog, IReadOnlyDictionary<string, int> replicas, SubnetPlan subnets, int azCount,
        int slotsPerServicePerAz = SlotsPerServicePerAz, int staticCapacity = StaticCapacity)
    {
        var blocks = Enumerable.Range(0, azCount)
            .Select(az => StaticAddressBlock.Reserve(subnets.Get(SubnetTier.Private, az).Cidr, staticCapacity, $"private subnet {az}"))
            .ToList();
        var members = new List<FleetMember>();
        var catalogNames = catalog.Names.ToList();
        foreach (var service in catalog.Services.Where(s => replicas.ContainsKey(s.Name)))
        {
            var k = catalogNames.IndexOf(service.Name);
            for (var r = 0; r < replicas[service.Name]; r++)
            {
                var az = (k + r) % azCount;
                var slot = k * slotsPerServicePerAz + r / azCount;
                if (r / azCount >= slotsPerServicePerAz)
                    throw new NetworkPlanException(
                        $"Service '{service.Name}' replica {r + 1} has no static address: each AZ holds {slotsPerServicePerAz} replicas " +
                        $"of a Service, so {azCount} AZs hold {slotsPerServicePerAz * azCount}. Lower its replicas or add AZs.");
                if (slot >= staticCapacity)
                    throw new NetworkPlanException(
                        $"Service '{service.Name}' is Service {k + 1} of the catalog, but the static address plan holds the first " +
                        $"{staticCapacity / slotsPerServicePerAz} ({staticCapacity} addresses per private subnet, {slotsPerServicePerAz} per " +
                        "Service): it has no address however few replicas it has. The catalog counts every Service, run or not: " +
                        "remove Services you added with infra:catalog and no longer need.");
                var server = new Server($"{service.Name}-{r + 1}", members.Count + 1, new ServiceSet([service]), $"az-{az}");
                members.Add(new FleetMember(server, az, blocks[az].AddressOf(slot)));
            }
        }
        return (members, blocks);
    }
}

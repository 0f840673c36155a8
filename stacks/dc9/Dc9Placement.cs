using System.Globalization;
using Infra.Constructs.Aws;
using Infra.Platform.Network;
using Infra.Platform.Placement;
using Infra.Platform.Services;

namespace Infra.Stacks.Dc9;

/// <summary>
/// Which server runs which Service, in which AZ, at which fixed address: all from what the server is,
/// its Service's address group g (<see cref="AddressGroups"/>) and its replica number r (from 0).
/// <list type="bullet">
/// <item>AZ: (g + r) mod 3, always one of the first three AZs (<see cref="ServerZones"/>), whatever
/// <c>infra:azCount</c> is. A Service's first three replicas sit in three different AZs, and the offset g
/// spreads the Services' first replicas over the zones.</item>
/// <item>Address: slot g * 4 + r / 3 of that AZ's static block.</item>
/// </list>
/// Nothing depends on the number of AZs, on the other Services or on any list position, so adding an AZ,
/// a replica or a Service never moves an existing server (nor replaces a RAFT peer and its data volume).
/// A server's AZ cannot follow the AZ count without moving servers whenever an AZ is added, so servers stay
/// in three AZs; more AZs give the load balancer and the NAT gateways more zones.
/// </summary>
public static class Dc9Placement
{
    /// <summary>The AZs that hold servers: the first three (a RAFT majority survives the loss of any one).</summary>
    public const int ServerZones = 3;

    /// <summary>Replicas of one Service that one AZ can hold (12 per Service over the three server AZs).</summary>
    public const int SlotsPerServicePerAz = 4;

    /// <summary>Static addresses per private subnet: room for 16 Services.</summary>
    public const int StaticCapacity = 64;

    /// <summary>One server as placed: its name, Service, address group, replica number (from 0), AZ index and slot in the AZ's block.</summary>
    public sealed record PlacedServer(string Name, ServiceDefinition Service, int Group, int Replica, int AzIndex, int Slot);

    /// <summary>
    /// The servers of <paramref name="replicas"/> (servers per Service), in catalog order, with their AZ and slot.
    /// Throws <see cref="NetworkPlanException"/> when a server has no slot or two Services share a group.
    /// </summary>
    public static IReadOnlyList<PlacedServer> Place(ServiceCatalog catalog, IReadOnlyDictionary<string, int> replicas,
        IReadOnlyDictionary<string, int>? pinnedGroups = null,
        int slotsPerServicePerAz = SlotsPerServicePerAz, int staticCapacity = StaticCapacity)
    {
        var services = catalog.Services.Where(s => replicas.ContainsKey(s.Name)).ToList();
        if (services.Count > AddressGroups.Count)
            throw new NetworkPlanException(
                $"{services.Count} Services have servers, but the static address plan holds {AddressGroups.Count} " +
                $"({StaticCapacity} addresses per private subnet, {SlotsPerServicePerAz} per Service). Drop Services from infra:services.");
        var groups = AddressGroups.Assign(services.Select(s => s.Name), pinnedGroups ?? new Dictionary<string, int>(), out var clashes);
        if (clashes.Count > 0)
            throw new NetworkPlanException(string.Join(" ", clashes.Select(c => $"{c.Problem} Set {c.Fix}.")));

        var servers = new List<PlacedServer>();
        foreach (var service in services)
        {
            var group = groups[service.Name];
            for (var r = 0; r < replicas[service.Name]; r++)
            {
                if (r / ServerZones >= slotsPerServicePerAz)
                    throw new NetworkPlanException(
                        $"Service '{service.Name}' server {r + 1} has no static address: each of the {ServerZones} server AZs holds " +
                        $"{slotsPerServicePerAz} servers of a Service, so a Service has at most {slotsPerServicePerAz * ServerZones}. Lower its servers.");
                var slot = group * slotsPerServicePerAz + r / ServerZones;
                if (slot >= staticCapacity)
                    throw new NetworkPlanException(
                        $"Service '{service.Name}' has address group {group.ToString(CultureInfo.InvariantCulture)}, beyond this layout's " +
                        $"{staticCapacity / slotsPerServicePerAz} groups of {slotsPerServicePerAz} addresses.");
                servers.Add(new PlacedServer($"{service.Name}-{r + 1}", service, group, r, (group + r) % ServerZones, slot));
            }
        }
        return servers;
    }

    /// <summary>The servers with their fixed addresses, and the static block of each server AZ's private subnet.</summary>
    public static (IReadOnlyList<FleetMember> Members, IReadOnlyList<StaticAddressBlock> Blocks) Plan(
        ServiceCatalog catalog, IReadOnlyDictionary<string, int> replicas, SubnetPlan subnets,
        IReadOnlyDictionary<string, int>? pinnedGroups = null,
        int slotsPerServicePerAz = SlotsPerServicePerAz, int staticCapacity = StaticCapacity)
    {
        var blocks = Enumerable.Range(0, ServerZones)
            .Select(az => StaticAddressBlock.Reserve(subnets.Get(SubnetTier.Private, az).Cidr, staticCapacity, $"private subnet {az}"))
            .ToList();
        var members = Place(catalog, replicas, pinnedGroups, slotsPerServicePerAz, staticCapacity)
            .Select((s, i) => new FleetMember(new Server(s.Name, i + 1, new ServiceSet([s.Service]), $"az-{s.AzIndex}"),
                s.AzIndex, blocks[s.AzIndex].AddressOf(s.Slot)))
            .ToList();
        return (members, blocks);
    }
}

using Infra.Platform.Services;

namespace Infra.Platform.Placement;

/// <summary>Decides which Services each server of a tier runs.</summary>
public static class PlacementPlanner
{
    /// <summary>Every server runs every Service (laptop, onprem3).</summary>
    public static IReadOnlyList<Server> AllOnEach(int servers, ServiceSet services, string namePrefix = "server") =>
        Enumerable.Range(1, servers)
            .Select(i => new Server($"{namePrefix}-{i}", i, services))
            .ToList();

    /// <summary>
    /// Each server runs one Service; each Service gets <paramref name="replicas"/> servers spread
    /// round-robin over <paramref name="zones"/> so no zone holds two replicas of a Service while
    /// there are zones left (dc9: 3 Services × 3 replicas over 3 AZs).
    /// </summary>
    public static IReadOnlyList<Server> OnePerServer(IReadOnlyList<ServiceDefinition> services, int replicas,
        IReadOnlyList<string> zones, string namePrefix = "server")
    {
        if (zones.Count == 0) throw new ArgumentException("At least one zone is needed to place servers.");
        var servers = new List<Server>();
        var ordinal = 0;
        foreach (var service in services)
        {
            for (var replica = 0; replica < replicas; replica++)
            {
                ordinal++;
                var zone = zones[replica % zones.Count];
                servers.Add(new Server($"{namePrefix}-{service.Name}-{replica + 1}", ordinal, new ServiceSet([service]), zone));
            }
        }
        return servers;
    }
}

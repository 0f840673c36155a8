using System.Globalization;
using Infra.Nats;
using Infra.Platform.Configuration;

namespace Infra.Stacks.Global;

/// <summary>
/// The NATS super-cluster the global tier runs, as the generator's spec: per region a cluster of
/// <see cref="GlobalRegion.NatsServers"/> servers (Nomad allocations on distinct worker hosts, see
/// <see cref="NatsNomadJob"/>), reached by stable names since the hosts come and go: routes seed through the region's
/// internal load balancer, other regions and foreign clients use <c>REGION.nats.DOMAIN</c> (the public load balancer),
/// the region's own clients the internal load balancer. The other regions are ordered by distance (nearest first),
/// from the AWS regions' places, with the name breaking ties: the same regions always give the same order.
/// </summary>
public static class NatsPlan
{
    /// <summary>Stands for the internal load balancer's DNS name (known at deploy time) in the generated text; spliced in by the program.</summary>
    public const string InternalHostMarker = "internal-load-balancer.nats.invalid";

    public static string PublicHost(string region, string domain) => $"{region}.nats.{domain}";

    /// <summary>The geo-steered name for a client's first connection.</summary>
    public static string GeoHost(string domain) => $"nats.{domain}";

    public static NatsSuperClusterSpec Spec(IReadOnlyList<GlobalRegion> regions, string domain) => new()
    {
        Regions = regions.OrderBy(r => r.Name, StringComparer.Ordinal).Select(region => new NatsRegionSpec(
            region.Name,
            NatsNomadJob.Servers(region.Name, region.NatsServers),
            regions.Where(o => o.Name != region.Name)
                .OrderBy(o => AwsRegions.Distance(region.Place, o.Place)).ThenBy(o => o.Name, StringComparer.Ordinal)
                .Select(o => o.Name).ToList())
        {
            Access = new NatsRegionAccess(InternalHostMarker, PublicHost(region.Name, domain), InternalHostMarker),
        }).ToList(),
        Tls = NatsNomadJob.Tls,
        StoreDirectory = NatsNomadJob.StoreDirectory,
    };

    /// <summary>
    /// The generator's own rules on the configured regions, as config errors: a region's server count names its
    /// <c>natsServers</c> field (by the region's place in <c>infra:regions</c>, as the binder's errors do); anything else
    /// names <c>infra:regions</c> with the generator's where, what and fix.
    /// </summary>
    public static void Check(ConfigReader config, IReadOnlyList<GlobalRegion> regions, bool regionsGiven, string domain)
    {
        var index = regions.Select((r, i) => (r.Name, i)).GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        foreach (var problem in NatsSpecValidator.Problems(Spec(regions, domain)))
        {
            if (problem is { Rule: NatsRule.TooFewServers, Region: { } name } && index.TryGetValue(name, out var i))
            {
                var region = regions[i];
                var key = regionsGiven ? $"{GlobalKeys.Regions.FullName}[{i.ToString(CultureInfo.InvariantCulture)}].{GlobalKeys.NatsServersField.Name}" : GlobalKeys.Regions.FullName;
                config.Report(new ConfigError(key, region.NatsServers.ToString(CultureInfo.InvariantCulture),
                    $"gives region {region.Name} {region.NatsServers} NATS server{(region.NatsServers == 1 ? "" : "s")}; a region's NATS cluster needs at least {NatsSpecValidator.MinimumServersPerRegion} so that JetStream's R3 streams keep a quorum while one server restarts or fails.",
                    $"natsServers: {NatsSpecValidator.MinimumServersPerRegion} or more (with as many worker nodes)"));
            }
            else
                config.Report(new ConfigError(GlobalKeys.Regions.FullName, null, $"cannot make the NATS super-cluster: {problem.Where}: {problem.What}", problem.Fix));
        }
    }
}

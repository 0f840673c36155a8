using Infra.Synthesis;
using static Infra.Providers.Generated.Cloudflare;

namespace Infra.Stacks.Global;

/// <summary>
/// One Cloudflare pool per region, checked by one monitor, whose origins are the region's static addresses sorted
/// by name, each with an explicit port (the provider keeps re-diffing unsorted origins or missing ports); and the
/// pools in order of distance from any place, which is what geo steering, failover and the fallback pool need.
/// </summary>
public sealed class RegionPools
{
    private readonly IReadOnlyList<RegionOrigins> ordered;
    private readonly Dictionary<string, LoadBalancerPool> pools = new(StringComparer.Ordinal);

    /// <summary>Creates <c>pool-REGION</c> under <paramref name="scope"/> for every region, named <c>STACK-REGION</c> plus <paramref name="nameSuffix"/>.</summary>
    public RegionPools(Scope scope, string stackName, string nameSuffix, Input<string> accountId, LoadBalancerMonitor monitor,
        IEnumerable<RegionOrigins> regions, int port)
    {
        ordered = regions.OrderBy(r => r.Region.Name, StringComparer.Ordinal).ToList();
        foreach (var region in ordered)
        {
            pools[region.Region.Name] = new LoadBalancerPool(scope, $"pool-{region.Region.Name}", new LoadBalancerPoolArgs
            {
                AccountId = accountId,
                Name = $"{stackName}-{region.Region.Name}{nameSuffix}",
                Monitor = monitor.Id,
                Latitude = region.Region.Place.Latitude,
                Longitude = region.Region.Place.Longitude,
                MinimumOrigins = 1,
                Origins = region.Addresses.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new LoadBalancerPoolOrigin
                {
                    Name = $"{region.Region.Name}-{a.Name}",
                    Address = a.Address,
                    Port = port,
                    Enabled = true,
                    Weight = 1,
                }).ToList(),
            });
        }
    }

    /// <summary>Every pool, in the order of the regions' names.</summary>
    public IReadOnlyList<Input<string>> All => ordered.Select(r => (Input<string>)pools[r.Region.Name].Id).ToList();

    /// <summary>The pools nearest <paramref name="from"/> first (ties by region name).</summary>
    public IReadOnlyList<Input<string>> Nearest(AwsRegions.Place from) => ordered
        .OrderBy(r => AwsRegions.Distance(from, r.Region.Place)).ThenBy(r => r.Region.Name, StringComparer.Ordinal)
        .Select(r => (Input<string>)pools[r.Region.Name].Id).ToList();

    /// <summary>For each Cloudflare region, the pools nearest it first: geo steering's <c>regionPools</c>.</summary>
    public Dictionary<string, IReadOnlyList<Input<string>>> ByCloudflareRegion() =>
        AwsRegions.CloudflareRegions.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => Nearest(r.Value));

    /// <summary>The pool nearest the regions' middle: the fallback when every pool is down.</summary>
    public Input<string> Fallback =>
        Nearest(new AwsRegions.Place(ordered.Average(r => r.Region.Place.Latitude), ordered.Average(r => r.Region.Place.Longitude)))[0];
}

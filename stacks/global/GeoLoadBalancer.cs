using Infra.Platform;
using Infra.Synthesis;
using static Infra.Providers.Generated.Cloudflare;

namespace Infra.Stacks.Global;

/// <summary>A region as the DNS load balancer sees it: its name, where it is, and its static ingress addresses sorted by name.</summary>
public sealed record RegionOrigins(GlobalRegion Region, IReadOnlyList<(string Name, Output<string> Address)> Addresses);

/// <summary>
/// Global DNS load balancing on Cloudflare: one monitor (<c>/healthz</c> over the ingress port), one pool per
/// region whose origins are the region's static ingress addresses (sorted by name, each with its port: the
/// provider keeps re-diffing unsorted origins or missing ports), and per platform host a load balancer with geo
/// steering (each Cloudflare region gets the pools nearest first), every pool as failover and the pool nearest the
/// regions' middle as fallback. Plus a DNS name per region for its APIs.
/// </summary>
public sealed class GeoLoadBalancer : Component
{
    public const int OriginPort = 80;

    public IReadOnlyList<string> Hostnames { get; }

    public GeoLoadBalancer(Scope scope, string id, StackIdentity stack, GlobalSettings global, IReadOnlyList<RegionOrigins> regions,
        IReadOnlyDictionary<string, Output<string>> apiNames) : base(scope, id)
    {
        var monitor = new LoadBalancerMonitor(this, "monitor", new LoadBalancerMonitorArgs
        {
            AccountId = global.CloudflareAccountId,
            Type = "http",
            Method = "GET",
            Path = PlatformBinary.HealthPath,
            Port = OriginPort,
            ExpectedCodes = "200",
            Interval = 60,
            Timeout = 5,
            Retries = 2,
            Description = $"{stack.Stack}: platform health",
        });
        // The monitor stands for the global load balancing; pools, load balancers and records are its parts.
        DeclareAnchor(monitor);
        var pools = new RegionPools(this, stack.Stack, "", global.CloudflareAccountId, monitor, regions, OriginPort);
        var regionPools = pools.ByCloudflareRegion();

        var hosts = stack.Settings.Routes.Routes.Select(r => r.Host).Distinct().Order(StringComparer.Ordinal).ToList();
        Hostnames = hosts.Select(h => $"{h}.{global.Domain}").ToList();
        foreach (var host in hosts)
        {
            _ = new LoadBalancer(this, $"lb-{host}", new LoadBalancerArgs
            {
                ZoneId = global.CloudflareZoneId,
                Name = $"{host}.{global.Domain}",
                SteeringPolicy = "geo",
                RegionPools = regionPools,
                DefaultPools = pools.All,
                FallbackPool = pools.Fallback,
                Proxied = true,
                Description = $"{stack.Stack}: {host} to the nearest healthy region",
            });
        }
        foreach (var (region, name) in apiNames.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            _ = new DnsRecord(this, $"api-{region}", new DnsRecordArgs
            {
                ZoneId = global.CloudflareZoneId,
                Name = $"{region}.{global.Domain}",
                Type = "CNAME",
                Content = name,
                Ttl = 300,
                // The cluster APIs speak their own TLS; Cloudflare only names the region's load balancer.
                Proxied = false,
                Comment = $"{stack.Stack}: the APIs of region {region} (Nomad, Consul, Kubernetes; operator networks only)",
            });
        }
    }
}

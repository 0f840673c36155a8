using Infra.Nats;
using Infra.Platform;
using Infra.Synthesis;
using static Infra.Providers.Generated.Cloudflare;

namespace Infra.Stacks.Global;

/// <summary>
/// The NATS names on Cloudflare: per region <c>REGION.nats.DOMAIN</c> (the region's public load balancer: other regions'
/// gateways and failing-over clients dial it, and it is on the region's server certificate), and <c>nats.DOMAIN</c>, a
/// geo-steered load balancer used only for a client's first connection (DNS only: Cloudflare answers with the nearest
/// healthy region's static addresses, and the client speaks TLS to NATS itself). Health is a TCP check of the client
/// port, so a region whose NATS is down drops out of the answers even when its platform is up.
/// </summary>
public sealed class NatsDns : Component
{
    public string GeoHost { get; }

    public NatsDns(Scope scope, string id, StackIdentity stack, GlobalSettings global, IReadOnlyList<RegionOrigins> regions,
        IReadOnlyDictionary<string, Output<string>> loadBalancerNames) : base(scope, id)
    {
        var port = NatsPorts.Standard.Client;
        var monitor = new LoadBalancerMonitor(this, "monitor", new LoadBalancerMonitorArgs
        {
            AccountId = global.CloudflareAccountId,
            Type = "tcp",
            Port = port,
            Interval = 60,
            Timeout = 5,
            Retries = 2,
            Description = $"{stack.Stack}: NATS client port",
        });
        // The monitor stands for the NATS names; pools, the load balancer and the records are its parts.
        DeclareAnchor(monitor);
        var pools = new RegionPools(this, stack.Stack, "-nats", global.CloudflareAccountId, monitor, regions, port);
        GeoHost = NatsPlan.GeoHost(global.Domain);
        _ = new LoadBalancer(this, "lb", new LoadBalancerArgs
        {
            ZoneId = global.CloudflareZoneId,
            Name = GeoHost,
            SteeringPolicy = "geo",
            RegionPools = pools.ByCloudflareRegion(),
            DefaultPools = pools.All,
            FallbackPool = pools.Fallback,
            // DNS only: NATS is not HTTP, and its TLS ends at the servers.
            Proxied = false,
            Ttl = 60,
            Description = $"{stack.Stack}: NATS first connection to the nearest healthy region",
        });
        foreach (var (region, name) in loadBalancerNames.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            _ = new DnsRecord(this, region, new DnsRecordArgs
            {
                ZoneId = global.CloudflareZoneId,
                Name = NatsPlan.PublicHost(region, global.Domain),
                Type = "CNAME",
                Content = name,
                Ttl = 300,
                Proxied = false,
                Comment = $"{stack.Stack}: NATS of region {region} (gateways from the other regions, clients failing over)",
            });
        }
    }
}

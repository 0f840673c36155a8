using Infra.Nats;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Synthesis;
using static Infra.Providers.Generated.Cloudflare;
using static Infra.Providers.Generated.Command;
using static Infra.Providers.Generated.Random;
using static Infra.Providers.Generated.Tls;

namespace Infra.Stacks.Global;

/// <summary>
/// The global tier: every configured region (Nomad and Consul running k3s, the platform on Kubernetes behind a
/// Consul-controlled Envoy ingress, RAFT peers from the Consul catalog), and Cloudflare's geo-steered DNS load
/// balancer in front of them. See stacks/global/README.md.
/// </summary>
public sealed class GlobalTier : ITier
{
    public Tier Tier => Tier.Global;

    public IReadOnlyList<ConfigKey> Keys { get; } = [.. CommonKeys.All, .. GlobalKeys.All];

    public StackIdentity Build(Blueprint blueprint, ConfigReader config)
    {
        var platform = PlatformSettings.Read(config);
        var global = GlobalSettings.Read(config, platform);
        config.CheckUnknownKeys();
        config.ThrowIfInvalid();
        var stack = new StackIdentity(config.Stack, Tier.Global, platform);
        Compose(blueprint, stack, global);
        return stack;
    }

    /// <summary>Builds the tier from validated settings (the benchmark calls it with generated region lists).</summary>
    public static void Compose(Blueprint blueprint, StackIdentity stack, GlobalSettings global)
    {
        // Every construct below reads its stack from the tree.
        blueprint.SetContext(stack);
        var tags = stack.Tags.ToDictionary(t => t.Key, t => t.Value);
        // Clean-up tooling finds dev stacks by this tag (dc9 does the same).
        if (stack.Settings.Environment == DeploymentEnvironment.Dev) tags["expiry"] = "weekend-teardown";
        blueprint.UseProvider(new CloudflareProvider(blueprint, "cloudflare", new CloudflareProviderArgs()));
        blueprint.UseProvider(new RandomProvider(blueprint, "random", new RandomProviderArgs()));
        blueprint.UseProvider(new TlsProvider(blueprint, "tls", new TlsProviderArgs()));
        // The regions' readiness gates run on the deploying machine (command:local).
        blueprint.UseProvider(new CommandProvider(blueprint, "command", new CommandProviderArgs()));

        // The NATS super-cluster: generated once from every region (each region's gateways name all the others).
        var natsSpec = NatsPlan.Spec(global.Regions, global.Domain);
        var nats = new NatsInputs(natsSpec, NatsSuperCluster.Generate(natsSpec), new NatsSecrets(blueprint, "nats", stack.Stack));

        var regions = global.Regions.OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(region => new GlobalRegionStack(blueprint, region, stack, global, tags, nats)).ToList();
        var geo = new GeoLoadBalancer(blueprint, "geo", stack, global,
            regions.Select(r => new RegionOrigins(r.Region, r.LoadBalancer.Addresses.Select(a => (a.Name, a.Address.PublicIp)).ToList())).ToList(),
            regions.ToDictionary(r => r.Region.Name, r => r.LoadBalancer.LoadBalancer.DnsName));

        var natsDns = new NatsDns(blueprint, "nats-dns", stack, global,
            regions.Select(r => new RegionOrigins(r.Region, r.LoadBalancer.Addresses.Select(a => (a.Name, a.Address.PublicIp)).ToList())).ToList(),
            regions.ToDictionary(r => r.Region.Name, r => r.LoadBalancer.LoadBalancer.DnsName));

        foreach (var region in regions)
        {
            var name = region.Region.Name;
            var dns = region.LoadBalancer.LoadBalancer.DnsName;
            blueprint.Output($"{name}Kubeconfig", region.Kubernetes.Kubeconfig);
            blueprint.Output($"{name}ApiEndpoint", Text.Interpolate($"https://{dns}:6443"));
            blueprint.Output($"{name}IngressAddresses", region.LoadBalancer.Addresses.Select(a => (object)a.Address.PublicIp).ToList());
            blueprint.Output($"{name}NomadUi", Text.Interpolate($"https://{dns}:4646/ui/ (operator networks; or ssh -L 4646:{dns}:4646 admin@{region.Bastion.Address.PublicIp})"));
            blueprint.Output($"{name}ConsulUi", Text.Interpolate($"https://{dns}:8501/ui/ (operator networks; or ssh -L 8501:{dns}:8501 admin@{region.Bastion.Address.PublicIp})"));
            blueprint.Output($"{name}BastionInstanceId", region.Bastion.Instance.Id);
            // The region's NATS client URLs in the order its clients try them: its own (internal) first, the others nearest first.
            blueprint.Output($"{name}NatsUrls", region.NatsClientUrls.Cast<object>().ToList());
        }
        blueprint.Output("hosts", geo.Hostnames);
        blueprint.Output("natsHost", natsDns.GeoHost);
        blueprint.Output("ingressRoutes", stack.Settings.Routes.ToJson());
    }
}

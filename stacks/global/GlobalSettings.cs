using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Network;
using Infra.Platform.Provisioning;
using Infra.Stacks.Dc9;

namespace Infra.Stacks.Global;

/// <summary>The global tier's settings, validated; every problem is reported at once with its key.</summary>
public sealed record GlobalSettings(
    IReadOnlyList<GlobalRegion> Regions,
    IReadOnlyDictionary<string, int> Replicas,
    string AppImage,
    IReadOnlyList<Ipv4Cidr> OperatorCidrs,
    string Domain,
    string CloudflareZoneId,
    string CloudflareAccountId,
    string ServerInstanceType,
    string ClientInstanceType,
    string BastionInstanceType,
    SessionManagerAgent SessionManager,
    string OtlpEndpoint)
{
    public const int DefaultReplicas = 3;

    /// <summary>The default regions: two in Europe, one in North America, each with a block of its own.</summary>
    public static readonly IReadOnlyList<GlobalRegion> DefaultRegions =
    [
        new("london", RegionKind.Aws, "eu-west-2", Ipv4Cidr.Parse("10.20.0.0/16"), 3, 3, 3),
        new("frankfurt", RegionKind.Aws, "eu-central-1", Ipv4Cidr.Parse("10.21.0.0/16"), 3, 3, 3),
        // AWS has no region in Texas; Ohio is the nearest with three AZs.
        new("dallas", RegionKind.Aws, "us-east-2", Ipv4Cidr.Parse("10.22.0.0/16"), 3, 3, 3),
    ];

    public static GlobalSettings Read(ConfigReader config, PlatformSettings platform)
    {
        var regions = ReadRegions(config);
        var replicas = ReadReplicas(config, platform);
        var appImage = config.Get(GlobalKeys.AppImage);
        var operators = new List<Ipv4Cidr>();
        foreach (var text in config.Get(GlobalKeys.OperatorCidrs) ?? [])
        {
            if (!Ipv4Cidr.TryParse(text, out var cidr)) config.Report(GlobalKeys.OperatorCidrs, text, "is not a CIDR.");
            else if (cidr.PrefixLength == 0)
                config.Report(GlobalKeys.OperatorCidrs, text, "opens the Nomad, Consul and Kubernetes APIs to the whole internet.", "the CIDRs of your offices or VPN");
            else
            {
                if (Placeholders.DocumentationRange(cidr) is { } example) config.Placeholder(GlobalKeys.OperatorCidrs, text, example);
                operators.Add(cidr);
            }
        }
        foreach (var overlap in operators.SelectMany(o => regions.Where(r => r.Cidr.Overlaps(o)).Select(r => (o, r))))
            config.Report(GlobalKeys.OperatorCidrs, overlap.o.ToString(), $"overlaps region {overlap.r.Name} ({overlap.r.Cidr}); inside a region, go through its bastion.");

        var domain = config.Get(GlobalKeys.Domain);
        if (config.IsSet(GlobalKeys.Domain) && Placeholders.ExampleHost(domain) is { } exampleDomain) config.Placeholder(GlobalKeys.Domain, domain, exampleDomain);
        // Optional in dc9 (with dnsProvider route53); the global load balancer always lives in a Cloudflare zone.
        var zone = config.Get(GlobalKeys.CloudflareZoneId) ?? "";
        if (!config.IsSet(GlobalKeys.CloudflareZoneId))
            config.Report(GlobalKeys.CloudflareZoneId, null, "is required: the global load balancer and its records live in that zone.");
        else if (zone.Length > 0 && zone.All(c => c == '0')) config.Placeholder(GlobalKeys.CloudflareZoneId, zone, "an all-zero id");
        var account = config.Get(GlobalKeys.CloudflareAccountId);
        if (account.Length > 0 && account.All(c => c == '0')) config.Placeholder(GlobalKeys.CloudflareAccountId, account, "an all-zero id");

        // The NATS generator's rules, once the regions and the domain its names are made of are valid on their own.
        if (domain.Length > 0 && !config.Errors.Any(e => e.Key.StartsWith(GlobalKeys.Regions.FullName, StringComparison.Ordinal) || e.Key == GlobalKeys.Domain.FullName))
            NatsPlan.Check(config, regions, config.IsSet(GlobalKeys.Regions), domain);

        var serverType = config.Get(GlobalKeys.ServerInstanceType);
        var clientType = config.Get(GlobalKeys.ClientInstanceType);
        var bastionType = config.Get(Dc9Keys.BastionInstanceType);
        var ssm = ReadSsmAgent(config);
        var otlp = config.Get(Dc9Keys.OtlpEndpoint);
        if (otlp.Contains(':') && Placeholders.ExampleHost(otlp[..otlp.LastIndexOf(':')]) is { } exampleOtlp)
            config.Placeholder(Dc9Keys.OtlpEndpoint, otlp, exampleOtlp);

        return new GlobalSettings(regions, replicas, appImage, operators, domain, zone, account, serverType, clientType, bastionType, ssm!, otlp);
    }

    private static SessionManagerAgent? ReadSsmAgent(ConfigReader config)
    {
        var url = config.Get(Dc9Keys.SsmAgentPackageUrl);
        var sha = config.Get(Dc9Keys.SsmAgentPackageSha256);
        if (url.Length == 0 || sha.Length == 0) return null;
        try
        {
            var download = new VerifiedDownload(url, sha, Dc9Keys.SsmAgentPackageUrl.FullName);
            if (Placeholders.ExampleUrl(url) is { } exampleUrl) config.Placeholder(Dc9Keys.SsmAgentPackageUrl, url, exampleUrl);
            if (Placeholders.PlaceholderDigest(sha) is { } zeros) config.Placeholder(Dc9Keys.SsmAgentPackageSha256, sha, zeros);
            return new SessionManagerAgent(download);
        }
        catch (ProvisioningException e)
        {
            config.Report(Dc9Keys.SsmAgentPackageUrl, url, e.Message);
            return null;
        }
    }

    /// <summary>The regions list: each entry checked by its declaration, then across entries (names, CIDRs).</summary>
    private static IReadOnlyList<GlobalRegion> ReadRegions(ConfigReader config)
    {
        if (!config.IsSet(GlobalKeys.Regions)) return DefaultRegions;
        var regions = config.Get(GlobalKeys.Regions) ?? [];
        if (regions.Count == 0 && !config.Errors.Any(e => e.Key.StartsWith(GlobalKeys.Regions.FullName, StringComparison.Ordinal)))
            config.Report(GlobalKeys.Regions, config.Display(GlobalKeys.Regions), "must be a non-empty list of regions.");
        foreach (var twice in regions.GroupBy(r => r.Name).Where(g => g.Count() > 1))
            config.Report(GlobalKeys.Regions, twice.Key, "names a region twice; a region's name is its identity.", "each region once, under its own name");
        for (var i = 0; i < regions.Count; i++)
            for (var j = i + 1; j < regions.Count; j++)
                if (regions[i].Cidr.Overlaps(regions[j].Cidr))
                    config.Report(GlobalKeys.Regions, $"{regions[j].Name}.cidr = {regions[j].Cidr}",
                        $"overlaps region {regions[i].Name} ({regions[i].Cidr}); regions never overlap, so they can be peered.",
                        "a private block no other region uses, e.g. the next free 10.x.0.0/16");
        return regions;
    }

    /// <summary>
    /// Pods per Service; all of a region's pods form its RAFT store, so the total must be odd and at least 3, and
    /// with one disruption allowed per Service (the PodDisruptionBudgets) quorum must survive them all at once.
    /// </summary>
    private static IReadOnlyDictionary<string, int> ReadReplicas(ConfigReader config, PlatformSettings platform)
    {
        var selected = platform.Services.Names.ToList();
        var replicas = selected.ToDictionary(s => s, _ => DefaultReplicas);
        foreach (var (service, count) in config.Get(GlobalKeys.Replicas) ?? [])
        {
            if (!selected.Contains(service))
            {
                var suggestion = DidYouMean.Suggest(service, selected);
                config.Report(GlobalKeys.Replicas, service, suggestion is null ? "is not a Service of this stack." : $"is not a Service of this stack. Did you mean {suggestion}?",
                    $"Services of infra:services: {string.Join(", ", selected)}");
                continue;
            }
            replicas[service] = count.Pods;
        }
        var total = replicas.Values.Sum();
        var disruptions = replicas.Count;
        if (total < 3 || total % 2 == 0)
            config.Report(GlobalKeys.Replicas, Render(replicas), $"gives {total} RAFT members per region; RAFT needs an odd number of at least 3.",
                $"e.g. {Render(Nearest(replicas))}");
        else if (disruptions > (total - 1) / 2)
            config.Report(GlobalKeys.Replicas, Render(replicas),
                $"gives {total} RAFT members per region, and one voluntary disruption per Service ({disruptions} at once) would leave {total - disruptions}, below the quorum of {total / 2 + 1}.",
                $"more pods, e.g. {Render(Nearest(replicas))}");
        return replicas;
    }

    private static string Render(IReadOnlyDictionary<string, int> replicas) =>
        "{" + string.Join(", ", replicas.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value}")) + "}";

    /// <summary>The nearest valid replicas: add pods to the Services with the fewest until the rules hold.</summary>
    private static Dictionary<string, int> Nearest(IReadOnlyDictionary<string, int> replicas)
    {
        var fixedUp = replicas.ToDictionary(r => r.Key, r => r.Value);
        while (fixedUp.Values.Sum() is var total && (total < 3 || total % 2 == 0 || fixedUp.Count > (total - 1) / 2))
        {
            var smallest = fixedUp.OrderBy(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).First().Key;
            fixedUp[smallest]++;
        }
        return fixedUp;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Infra.Constructs.Aws;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Network;
using Infra.Platform.Provisioning;

namespace Infra.Stacks.Dc9;

/// <summary>The dc9 tier's settings, validated; every problem is reported at once with its key.</summary>
public sealed partial record Dc9Settings(
    string Region,
    Ipv4Cidr VpcCidr,
    int AzCount,
    IReadOnlyList<string>? AvailabilityZones,
    bool IsolatedSubnets,
    NatStrategy Nat,
    string ServerInstanceType,
    string BastionInstanceType,
    string? AmiId,
    string? SshKeyName,
    IReadOnlyList<Ipv4Cidr> SshCidrs,
    string Domain,
    DnsProviderKind Dns,
    string? Route53ZoneId,
    string? CloudflareZoneId,
    IReadOnlyDictionary<string, int> Placement,
    VerifiedDownload Binary,
    OtelCollectorAgent Telemetry,
    SessionManagerAgent SessionManager,
    int DataVolumeGiB,
    int SnapshotRetention,
    bool RestoreFromSnapshots,
    string? ExpiresOn)
{
    public const int DefaultReplicas = 3;

    /// <summary>
    /// ACM RequestCertificate: the certificate's domain name is its X.509 common name, at most 64 octets (RFC 5280).
    /// It also keeps every host name within the other limits: a host label has at most 63 characters, so
    /// HOST.DOMAIN has at most 128, ELB's limit for a host-header condition value (and far below DNS's 253).
    /// </summary>
    public const int MaxDomainLength = 64;

    /// <summary>Explicit address groups (<c>infra:placement: {svc: {servers: N, addressGroup: G}}</c>); others derive from the name.</summary>
    public IReadOnlyDictionary<string, int> AddressGroups { get; init; } = new Dictionary<string, int>();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*[a-z]$")] private static partial Regex AzShape();
    [GeneratedRegex(@"^[a-z]+[0-9]+g[a-z]*$")] private static partial Regex ArmFamily();
    [GeneratedRegex(@"^https://([a-z0-9.-]+\.)?s3([.-][a-z0-9-]+)*\.amazonaws\.com/")] private static partial Regex S3Url();

    /// <summary>Private address space (RFC 1918): a VPC in public space would shadow someone's internet addresses.</summary>
    private static readonly Ipv4Cidr[] PrivateRanges = [Ipv4Cidr.Parse("10.0.0.0/8"), Ipv4Cidr.Parse("172.16.0.0/12"), Ipv4Cidr.Parse("192.168.0.0/16")];

    /// <summary>
    /// VPC sizes that work: AWS allows no VPC above /16, and below /19 a private subnet of the stable
    /// layout (a VPC quarter split into 8 AZ slots) cannot hold the fleet's aligned block of static addresses.
    /// </summary>
    public const int LargestVpcPrefix = 16, SmallestVpcPrefix = 19;

    public static Dc9Settings Read(ConfigReader config, PlatformSettings platform)
    {
        var region = config.Get(Dc9Keys.Region);
        var vpcCidr = config.Get(Dc9Keys.VpcCidr);
        var vpcUsable = CheckVpcCidr(config, vpcCidr);
        var azCount = config.Get(Dc9Keys.AzCount);
        var isolated = config.Get(Dc9Keys.IsolatedSubnets);

        IReadOnlyList<string>? zones = null;
        if (config.IsSet(Dc9Keys.AvailabilityZones))
        {
            zones = config.Get(Dc9Keys.AvailabilityZones) ?? [];
            if (zones.Count > 0 && zones.Count != azCount)
                config.Report(Dc9Keys.AvailabilityZones, string.Join(",", zones), $"names {zones.Count} zones but infra:azCount is {azCount}.");
            foreach (var zone in zones.Where(z => !AzShape().IsMatch(z) || !z.StartsWith(region, StringComparison.Ordinal)))
                config.Report(Dc9Keys.AvailabilityZones, zone, $"is not an availability zone of region {region}.", $"names such as {region}a");
            if (zones.Distinct().Count() != zones.Count)
                config.Report(Dc9Keys.AvailabilityZones, string.Join(",", zones), "lists a zone twice; replicas in one zone share its failures.");
        }

        var nat = config.Get(Dc9Keys.NatStrategy) switch
        {
            "single" => NatStrategy.Single,
            "none" => NatStrategy.None,
            _ => NatStrategy.OnePerAz,
        };

        var amiId = config.Get(Dc9Keys.AmiId);
        var serverType = InstanceType(config, Dc9Keys.ServerInstanceType, config.IsSet(Dc9Keys.AmiId));
        var bastionType = InstanceType(config, Dc9Keys.BastionInstanceType, config.IsSet(Dc9Keys.AmiId));
        var keyName = config.Get(Dc9Keys.SshKeyName);

        var sshCidrs = new List<Ipv4Cidr>();
        foreach (var text in config.Get(Dc9Keys.SshCidrs) ?? [])
        {
            if (!Ipv4Cidr.TryParse(text, out var cidr))
            {
                config.Report(Dc9Keys.SshCidrs, text, Problem(() => Ipv4Cidr.Parse(text, "entry")) ?? "is not a CIDR.");
                continue;
            }
            if (cidr.PrefixLength == 0)
                config.Report(Dc9Keys.SshCidrs, text, "opens SSH to the whole internet.", "the CIDRs of your offices or VPN; [] for Session Manager only");
            else if (cidr.Overlaps(vpcCidr))
                config.Report(Dc9Keys.SshCidrs, text, $"overlaps the VPC {vpcCidr}; inside the VPC, reach servers through the bastion.");
            else
            {
                if (Placeholders.DocumentationRange(cidr) is { } example) config.Placeholder(Dc9Keys.SshCidrs, text, example);
                sshCidrs.Add(cidr);
            }
        }

        var domain = config.Get(Dc9Keys.Domain);
        if (config.IsSet(Dc9Keys.Domain) && Placeholders.ExampleHost(domain) is { } exampleDomain) config.Placeholder(Dc9Keys.Domain, domain, exampleDomain);

        var dns = config.Get(Dc9Keys.DnsProvider) switch
        {
            "cloudflare" => DnsProviderKind.Cloudflare,
            "none" => DnsProviderKind.None,
            _ => DnsProviderKind.Route53,
        };
        string? route53Zone = null, cloudflareZone = null;
        if (config.IsSet(Dc9Keys.Route53ZoneId))
        {
            route53Zone = config.Get(Dc9Keys.Route53ZoneId);
            if (dns != DnsProviderKind.Route53)
                config.Report(Dc9Keys.Route53ZoneId, route53Zone, "is set but infra:dnsProvider is not route53.", "remove it, or set infra:dnsProvider route53");
        }
        if (config.IsSet(Dc9Keys.CloudflareZoneId))
        {
            cloudflareZone = config.Get(Dc9Keys.CloudflareZoneId);
            if (dns != DnsProviderKind.Cloudflare)
                config.Report(Dc9Keys.CloudflareZoneId, cloudflareZone, "is set but infra:dnsProvider is not cloudflare.", "remove it, or set infra:dnsProvider cloudflare");
        }
        else if (dns == DnsProviderKind.Cloudflare)
            config.Report(Dc9Keys.CloudflareZoneId, null, "is required when infra:dnsProvider is cloudflare.");

        var (placement, groups, placementComplete) = ReadPlacement(config, platform);
        // The ALB's listener rules: a priority clash between routes is a config error with its fix, never a renumbering.
        ListenerRulePlanner.Plan(platform.Routes, out var ruleConflicts);
        foreach (var conflict in ruleConflicts) config.Report(CommonKeys.Catalog, conflict.Route, conflict.Problem, conflict.Fix);
        var binary = Download(config, Dc9Keys.BinaryUrl, Dc9Keys.BinarySha256, nat);
        var package = Download(config, Dc9Keys.OtelcolPackageUrl, Dc9Keys.OtelcolPackageSha256, nat);
        if (package is not null && !package.Url.AbsolutePath.EndsWith(".deb", StringComparison.OrdinalIgnoreCase))
        {
            config.Report(Dc9Keys.OtelcolPackageUrl, package.Url.OriginalString,
                "does not name a .deb package: servers install the collector with dpkg -i, which would fail at boot.");
            package = null;
        }
        var ssmAgent = Download(config, Dc9Keys.SsmAgentPackageUrl, Dc9Keys.SsmAgentPackageSha256, nat);
        if (ssmAgent is not null) CheckSsmAgentUrl(config, ssmAgent.Url);
        var otlp = config.Get(Dc9Keys.OtlpEndpoint);
        if (otlp.Length > 0 && Placeholders.ExampleHost(otlp[..otlp.LastIndexOf(':')]) is { } exampleOtlp)
            config.Placeholder(Dc9Keys.OtlpEndpoint, otlp, exampleOtlp);

        var volume = config.Get(Dc9Keys.DataVolumeSize);
        var retention = config.Get(Dc9Keys.SnapshotRetention);
        var restore = config.Get(Dc9Keys.RestoreFromSnapshots);
        if (restore && platform.IsProduction)
            config.Report(Dc9Keys.RestoreFromSnapshots, "true", "is for dev and staging; production volumes are retained, never recreated.", "false");
        string? expires = null;
        if (config.IsSet(Dc9Keys.ExpiresOn))
        {
            expires = config.Get(Dc9Keys.ExpiresOn);
            if (expires is not null && platform.IsProduction) config.Report(Dc9Keys.ExpiresOn, expires, "is set on a production stack, which never expires.");
        }

        // The subnet layout itself is checked here, so a bad CIDR is a config error, not a crash.
        List<SubnetTierSpec> tiers = [new(SubnetTier.Public), new(SubnetTier.Private)];
        if (isolated) tiers.Add(new(SubnetTier.Isolated));
        if (vpcUsable) try
        {
            var plan = SubnetPlanner.Plan(new SubnetPlanRequest(vpcCidr, azCount, tiers));
            StaticAddressBlock.Reserve(plan.Get(SubnetTier.Private, 0).Cidr, Dc9Placement.StaticCapacity, "private subnet");
        }
        catch (NetworkPlanException e)
        {
            config.Report(Dc9Keys.VpcCidr, vpcCidr.ToString(), e.Message);
        }
        // A trial placement: a Service beyond the static address plan is a config error, not a crash; then the RAFT rules.
        if (placementComplete)
        {
            try { CheckQuorum(config, platform, placement, groups, Dc9Placement.Place(platform.Catalog, placement, groups)); }
            catch (NetworkPlanException e) { config.Report(Dc9Keys.Placement, null, e.Message); }
        }

        var telemetry = package is null ? null : new OtelCollectorAgent(package, otlp);
        return new Dc9Settings(region, vpcCidr, azCount, zones is { Count: > 0 } ? zones : null, isolated, nat, serverType, bastionType,
            amiId, keyName, sshCidrs, domain, dns, route53Zone, cloudflareZone, placement, binary!, telemetry!,
            ssmAgent is null ? null! : new SessionManagerAgent(ssmAgent), volume, retention, restore, expires)
        {
            AddressGroups = groups,
        };
    }

    /// <summary>Null when the VPC block is one dc9 can use; otherwise reports why and returns false.</summary>
    private static bool CheckVpcCidr(ConfigReader config, Ipv4Cidr vpc)
    {
        if (!config.IsSet(Dc9Keys.VpcCidr) || config.Errors.Any(e => e.Key == Dc9Keys.VpcCidr.FullName)) return true;
        if (vpc.PrefixLength is < LargestVpcPrefix or > SmallestVpcPrefix)
        {
            config.Report(Dc9Keys.VpcCidr, vpc.ToString(),
                $"is a /{vpc.PrefixLength} block; dc9 needs /{LargestVpcPrefix} to /{SmallestVpcPrefix}: AWS allows no VPC larger than " +
                $"/{LargestVpcPrefix}, and below /{SmallestVpcPrefix} a private subnet of the stable layout cannot hold the servers' " +
                $"{Dc9Placement.StaticCapacity} static addresses.");
            return false;
        }
        if (!PrivateRanges.Any(r => r.Contains(vpc)))
        {
            config.Report(Dc9Keys.VpcCidr, vpc.ToString(),
                "is not in private address space (RFC 1918): its addresses belong to someone on the internet, whom the servers could then not reach.",
                $"a block inside {string.Join(", ", PrivateRanges)} from /{LargestVpcPrefix} to /{SmallestVpcPrefix}, e.g. 10.0.0.0/16");
            return false;
        }
        return true;
    }

    /// <summary>An instance type (its shape checked by its key); an arm64 type needs an arm64 image.</summary>
    private static string InstanceType(ConfigReader config, ConfigKey<string> key, bool customAmi)
    {
        var type = config.Get(key);
        var match = Dc9Keys.InstanceTypeShape().Match(type);
        if (match.Success && ArmFamily().IsMatch(match.Groups["family"].Value) && !customAmi)
            config.Report(key, type, "is an arm64 (Graviton) type, but the default image is x86_64; set infra:amiId to an arm64 image.");
        return type;
    }

    /// <summary>
    /// Servers per Service (3 each when the key is not set) and explicit address groups; Complete is false when
    /// a Service has no valid count, so the placement is not tried.
    /// </summary>
    private static (IReadOnlyDictionary<string, int> Placement, IReadOnlyDictionary<string, int> Groups, bool Complete) ReadPlacement(
        ConfigReader config, PlatformSettings platform)
    {
        var selected = platform.Services.Names.ToList();
        var groups = new Dictionary<string, int>();
        var problems = config.Errors.Count;
        if (config.Get(Dc9Keys.Placement) is not { } given)
            return (selected.ToDictionary(s => s, _ => DefaultReplicas), groups, !config.IsSet(Dc9Keys.Placement));
        // An entry with a problem (already reported) is not missing: only the Services no entry names are.
        var complete = config.Errors.Count == problems;
        var placement = new Dictionary<string, int>();
        foreach (var (service, entry) in given)
        {
            if (!selected.Contains(service))
            {
                var suggestion = DidYouMean.Suggest(service, selected);
                config.Report(Dc9Keys.Placement, service,
                    suggestion is null ? "is not a Service of this stack." : $"is not a Service of this stack. Did you mean {suggestion}?",
                    $"Services of infra:services: {string.Join(", ", selected)}");
                continue;
            }
            placement[service] = entry.Servers;
            if (entry.AddressGroup is { } group) groups[service] = group;
        }
        if (complete)
            foreach (var missing in selected.Where(s => !placement.ContainsKey(s) && given.All(g => g.Key != s)))
                config.Report(Dc9Keys.Placement, missing, "has no servers: every Service of the stack needs at least one.", $"add {missing}: N, or drop it from infra:services");
        return (placement, groups, complete && placement.Count == selected.Count);
    }

    /// <summary>
    /// The RAFT rules (<see cref="RaftQuorum"/>) on the placement, set or default: an odd number of peers, at least
    /// 3, and no AZ with half of them or more. Each problem comes with the nearest placement that keeps them.
    /// </summary>
    private static void CheckQuorum(ConfigReader config, PlatformSettings platform, IReadOnlyDictionary<string, int> placement,
        IReadOnlyDictionary<string, int> groups, IReadOnlyList<Dc9Placement.PlacedServer> servers)
    {
        if (RaftQuorum.Holds(servers)) return;
        var nearest = PlacementSuggestion.Nearest(platform.Catalog, placement, groups);
        var fix = nearest is null
            ? "servers per Service with an odd total of at least 3, no AZ holding half of them"
            : $"e.g. infra:placement {PlacementSuggestion.Render(platform.Catalog, nearest, groups)}";
        var total = servers.Count;
        var totalText = total.ToString(CultureInfo.InvariantCulture);
        if (!RaftQuorum.IsValidCount(total))
        {
            const string why = "it must be odd and at least 3 so a majority survives a failure (an even number survives no more failures than one server fewer).";
            if (config.IsSet(Dc9Keys.Placement))
                config.Report(Dc9Keys.Placement, totalText, $"is the total number of servers (RAFT peers); {why}", fix);
            else
                config.Report(Dc9Keys.Placement, null,
                    $"is not set, so each of the {placement.Count} Services gets {DefaultReplicas} servers: {totalText} RAFT peers in all, and {why}", fix);
            return;
        }
        var (zone, crowded) = RaftQuorum.CrowdedZone(servers)!.Value;
        config.Report(Dc9Keys.Placement, PlacementSuggestion.Render(platform.Catalog, placement, groups),
            $"puts {crowded.Count} of the {totalText} RAFT peers ({string.Join(", ", crowded)}) in {RaftQuorum.ZoneName(zone)}; losing that AZ " +
            $"would lose the majority. At most {RaftQuorum.MaxPerZone(total).ToString(CultureInfo.InvariantCulture)} may share an AZ.",
            fix);
    }

    /// <summary>A pinned release, never "latest" (its checksum would break on AWS's next release), and a .deb.</summary>
    private static void CheckSsmAgentUrl(ConfigReader config, Uri url)
    {
        var path = url.AbsolutePath;
        if (path.Split('/').Contains("latest", StringComparer.OrdinalIgnoreCase))
            config.Report(Dc9Keys.SsmAgentPackageUrl, url.AbsoluteUri,
                "names the 'latest' release, whose file changes under its pinned checksum with every AWS release.",
                "the URL of a versioned release, e.g. .../amazon-ssm-eu-west-1/3.3.1142.0/debian_amd64/amazon-ssm-agent.deb");
        else if (!path.EndsWith(".deb", StringComparison.OrdinalIgnoreCase))
            config.Report(Dc9Keys.SsmAgentPackageUrl, url.AbsoluteUri, "is not a .deb; servers install the agent with dpkg.",
                "the debian_amd64/amazon-ssm-agent.deb of a release");
    }

    private static VerifiedDownload? Download(ConfigReader config, ConfigKey<string> urlKey, ConfigKey<string> shaKey, NatStrategy nat)
    {
        var url = config.Get(urlKey);
        var sha = config.Get(shaKey);
        foreach (var (key, value) in new[] { (urlKey, url), (shaKey, sha) })
            if (config.IsSet(key) && value.Length == 0 && !config.Errors.Any(e => e.Key == key.FullName))
                config.Report(key, value, "is empty.");
        if (url.Length == 0 || sha.Length == 0) return null;
        VerifiedDownload? download = null;
        var urlProblem = Problem(() => new VerifiedDownload(url, new string('0', 64), urlKey.FullName));
        if (urlProblem is not null) config.Report(urlKey, url, urlProblem);
        var shaProblem = Problem(() => Sha256Digest.Parse(sha, shaKey.FullName));
        if (shaProblem is not null) config.Report(shaKey, sha, shaProblem);
        if (urlProblem is null && shaProblem is null) download = new VerifiedDownload(url, sha, urlKey.FullName);
        if (download is not null)
        {
            if (Placeholders.ExampleUrl(url) is { } exampleUrl) config.Placeholder(urlKey, url, exampleUrl);
            if (Placeholders.PlaceholderDigest(sha) is { } zeros) config.Placeholder(shaKey, sha, zeros);
        }
        if (download is not null && nat == NatStrategy.None && !S3Url().IsMatch(url))
            config.Report(urlKey, url, "is outside AWS, but with infra:natStrategy none the servers can reach only S3.", "an S3 URL, or natStrategy single/onePerAz");
        return download;
    }

    private static string? Problem(Action check)
    {
        try { check(); return null; }
        catch (Exception e) when (e is NetworkPlanException or ProvisioningException) { return e.Message; }
    }
}

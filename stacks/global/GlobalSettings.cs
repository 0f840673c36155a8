using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Network;
using Infra.Platform.Provisioning;
using Infra.Stacks.Dc9;

namespace Infra.Stacks.Global;

/// <summary>The global tier's settings, validated; every problem is reported at once with its key.</summary>
public sealed partial record GlobalSettings(
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

    private static readonly string[] RegionFields = ["name", "kind", "awsRegion", "cidr", "servers", "k3sNodes", "workerNodes"];
    private static readonly Ipv4Cidr[] PrivateRanges = [Ipv4Cidr.Parse("10.0.0.0/8"), Ipv4Cidr.Parse("172.16.0.0/12"), Ipv4Cidr.Parse("192.168.0.0/16")];

    /// <summary>At most 12 characters: the region name prefixes AWS names with tight limits (target groups: 32).</summary>
    [GeneratedRegex("^[a-z][a-z0-9]{0,11}$")] private static partial Regex RegionName();
    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")] private static partial Regex DomainShape();
    [GeneratedRegex("^[0-9a-f]{32}$")] private static partial Regex CloudflareId();
    [GeneratedRegex(@"^[a-z]+[0-9]+[a-z-]*\.[a-z0-9]+$")] private static partial Regex InstanceTypeShape();
    [GeneratedRegex(@"^[A-Za-z0-9.-]{1,253}:[0-9]{1,5}$")] private static partial Regex HostPort();

    public static GlobalSettings Read(ConfigReader config, PlatformSettings platform)
    {
        var regions = ReadRegions(config);
        var replicas = ReadReplicas(config, platform);
        var appImage = config.String(GlobalKeys.AppImage, StandInBinary.Image, ImageReference.Problem);
        var operators = new List<Ipv4Cidr>();
        if (!config.IsSet(GlobalKeys.OperatorCidrs))
            config.Report(GlobalKeys.OperatorCidrs, null, "is required: only these networks reach the cluster APIs and the bastions.");
        foreach (var text in config.StringList(GlobalKeys.OperatorCidrs, []))
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

        var domain = config.String(Dc9Keys.Domain, "", v => DomainShape().IsMatch(v) && v.Length <= 64 ? null : "is not a lower-case DNS name of at most 64 characters with at least two labels.");
        if (!config.IsSet(Dc9Keys.Domain)) config.Report(Dc9Keys.Domain, null, "is required: the global hosts live under it.");
        else if (Placeholders.ExampleHost(domain) is { } exampleDomain) config.Placeholder(Dc9Keys.Domain, domain, exampleDomain);
        var zone = RequiredId(config, Dc9Keys.CloudflareZoneId, "the global load balancer and its records live in that zone");
        var account = RequiredId(config, GlobalKeys.CloudflareAccountId, "the load-balancer pools and monitor belong to the account");

        var serverType = config.String(GlobalKeys.ServerInstanceType, "m6i.large", InstanceTypeProblem);
        var clientType = config.String(GlobalKeys.ClientInstanceType, "m6i.xlarge", InstanceTypeProblem);
        var bastionType = config.String(Dc9Keys.BastionInstanceType, "t3.micro", InstanceTypeProblem);
        var ssm = ReadSsmAgent(config);
        var otlp = config.String(Dc9Keys.OtlpEndpoint, "", v => HostPort().IsMatch(v) ? null : "is not host:port.");
        if (!config.IsSet(Dc9Keys.OtlpEndpoint)) config.Report(Dc9Keys.OtlpEndpoint, null, "is required: every region's collector forwards its telemetry there.");
        else if (otlp.Contains(':') && Placeholders.ExampleHost(otlp[..otlp.LastIndexOf(':')]) is { } exampleOtlp)
            config.Placeholder(Dc9Keys.OtlpEndpoint, otlp, exampleOtlp);

        return new GlobalSettings(regions, replicas, appImage, operators, domain, zone, account, serverType, clientType, bastionType, ssm!, otlp);
    }

    private static string? InstanceTypeProblem(string v) => InstanceTypeShape().IsMatch(v) ? null : "is not an EC2 instance type.";

    private static string RequiredId(ConfigReader config, ConfigKey key, string why)
    {
        var value = config.String(key, "", v => CloudflareId().IsMatch(v) ? null : "is not a Cloudflare id (32 hex digits).");
        if (!config.IsSet(key)) config.Report(key, null, $"is required: {why}.");
        else if (value.All(c => c == '0') && value.Length > 0) config.Placeholder(key, value, "an all-zero id");
        return value;
    }

    private static SessionManagerAgent? ReadSsmAgent(ConfigReader config)
    {
        var url = config.String(Dc9Keys.SsmAgentPackageUrl, "");
        var sha = config.String(Dc9Keys.SsmAgentPackageSha256, "");
        if (!config.IsSet(Dc9Keys.SsmAgentPackageUrl)) config.Report(Dc9Keys.SsmAgentPackageUrl, null, "is required: the bastions and servers install the Session Manager agent.");
        if (!config.IsSet(Dc9Keys.SsmAgentPackageSha256)) config.Report(Dc9Keys.SsmAgentPackageSha256, null, "is required: servers install nothing they cannot verify.");
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

    /// <summary>The regions list: each entry checked on its own, then across entries (names, CIDRs).</summary>
    private static IReadOnlyList<GlobalRegion> ReadRegions(ConfigReader config)
    {
        if (!config.IsSet(GlobalKeys.Regions)) return DefaultRegions;
        if (config.Node(GlobalKeys.Regions) is not { } node) return [];
        if (node is not JsonArray list || list.Count == 0)
        {
            config.Report(GlobalKeys.Regions, config.Display(GlobalKeys.Regions), "must be a non-empty list of regions.");
            return [];
        }
        var regions = new List<GlobalRegion>();
        foreach (var item in list)
        {
            if (item is not JsonObject fields)
            {
                config.Report(GlobalKeys.Regions, item?.ToJsonString(), "is not a region: each entry is an object.");
                continue;
            }
            if (ReadRegion(config, fields) is { } region) regions.Add(region);
        }
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

    private static GlobalRegion? ReadRegion(ConfigReader config, JsonObject fields)
    {
        string? Text(string field) => fields[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : fields[field]?.ToJsonString();
        var name = Text("name");
        var where = name ?? fields.ToJsonString();
        var ok = true;
        void Problem(string what, string problem, string? allowed = null) { ok = false; config.Report(GlobalKeys.Regions, what, problem, allowed); }

        foreach (var unknown in fields.Select(f => f.Key).Where(k => !RegionFields.Contains(k)))
        {
            var suggestion = DidYouMean.Suggest(unknown, RegionFields);
            Problem($"{where}.{unknown}", suggestion is null ? "is not a region field." : $"is not a region field. Did you mean {suggestion}?", string.Join(", ", RegionFields));
        }
        if (name is null || !RegionName().IsMatch(name))
            Problem(name is null ? where : $"name = {name}", name is null ? "has no name." : "is not a region name.",
                "a lower-case name of 1 to 12 letters and digits starting with a letter, e.g. london");
        var kind = Text("kind") ?? "aws";
        if (kind == "own")
            Problem($"{where}.kind = own", "is not available yet: own servers need a bootstrap path without the cloud's auto-join and load balancer.",
                "kind: aws (stacks/global/README.md#own-servers says what own servers need)");
        else if (kind != "aws") Problem($"{where}.kind = {kind}", "is not a region kind.", "aws | own");

        var awsRegion = Text("awsRegion");
        if (awsRegion is null) Problem(where, "has no awsRegion.", "an AWS region such as eu-west-2");
        else if (!AwsRegions.Known.ContainsKey(awsRegion))
        {
            var suggestion = DidYouMean.Suggest(awsRegion, AwsRegions.Known.Keys);
            Problem($"{where}.awsRegion = {awsRegion}", suggestion is null ? "is not a known AWS region." : $"is not a known AWS region. Did you mean {suggestion}?",
                string.Join(", ", AwsRegions.Known.Keys.Order(StringComparer.Ordinal)));
        }

        var cidrText = Text("cidr");
        var cidr = default(Ipv4Cidr);
        if (cidrText is null) Problem(where, "has no cidr: a region's block is given, never derived from its place in the list.", "a private block such as 10.20.0.0/16");
        else if (!Ipv4Cidr.TryParse(cidrText, out cidr)) Problem($"{where}.cidr = {cidrText}", "is not a CIDR.");
        else if (cidr.PrefixLength is < Dc9Settings.LargestVpcPrefix or > Dc9Settings.SmallestVpcPrefix || !PrivateRanges.Any(r => r.Contains(cidr)))
            Problem($"{where}.cidr = {cidrText}", $"is not a private (RFC 1918) block from /{Dc9Settings.LargestVpcPrefix} to /{Dc9Settings.SmallestVpcPrefix}.", "e.g. 10.20.0.0/16");

        int Count(string field, int fallback, int min, int max, string why, Func<int, bool>? extra = null)
        {
            var text = Text(field);
            if (text is null) return fallback;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max || extra?.Invoke(n) == false)
            {
                Problem($"{where}.{field} = {text}", why);
                return fallback;
            }
            return n;
        }
        var servers = Count("servers", 3, 3, 7, "must be 3, 5 or 7: Consul and Nomad servers form a RAFT quorum, which fewer than 3 cannot survive a loss in and an even count does not help.", n => n % 2 == 1);
        var k3s = Count("k3sNodes", 3, 3, 9, "must be 3 to 9: the three k3s servers (embedded etcd quorum) need three distinct hosts.");
        var workers = Count("workerNodes", 3, 1, 100, "must be 1 to 100.");
        return ok ? new GlobalRegion(name!, RegionKind.Aws, awsRegion!, cidr, servers, k3s, workers) : null;
    }

    /// <summary>
    /// Pods per Service; all of a region's pods form its RAFT store, so the total must be odd and at least 3, and
    /// with one disruption allowed per Service (the PodDisruptionBudgets) quorum must survive them all at once.
    /// </summary>
    private static IReadOnlyDictionary<string, int> ReadReplicas(ConfigReader config, PlatformSettings platform)
    {
        var selected = platform.Services.Names.ToList();
        var replicas = selected.ToDictionary(s => s, _ => DefaultReplicas);
        if (config.Object(GlobalKeys.Replicas) is { } given)
        {
            foreach (var (service, node) in given)
            {
                if (!selected.Contains(service))
                {
                    var suggestion = DidYouMean.Suggest(service, selected);
                    config.Report(GlobalKeys.Replicas, service, suggestion is null ? "is not a Service of this stack." : $"is not a Service of this stack. Did you mean {suggestion}?",
                        $"Services of infra:services: {string.Join(", ", selected)}");
                    continue;
                }
                var text = node is JsonValue v ? v.ToString() : node?.ToJsonString() ?? "";
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 15)
                    config.Report(GlobalKeys.Replicas, $"{service}: {text}", "must be a whole number of pods from 1 to 15.");
                else replicas[service] = n;
            }
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

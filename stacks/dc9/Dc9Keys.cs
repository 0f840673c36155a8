using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Platform.Configuration;
using Infra.Platform.Network;

namespace Infra.Stacks.Dc9;

/// <summary>The config keys of the dc9 tier, beyond the common ones; each declared once (README table and `infra config keys` come from here).</summary>
public static partial class Dc9Keys
{
    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d$")] private static partial Regex RegionShape();
    [GeneratedRegex(@"^(?<family>[a-z]+[0-9]+[a-z-]*)\.[a-z0-9]+$")] internal static partial Regex InstanceTypeShape();
    [GeneratedRegex(@"^ami-[0-9a-f]{8}([0-9a-f]{9})?$")] private static partial Regex AmiShape();
    [GeneratedRegex(@"^[\x21-\x7e]{1,255}$")] private static partial Regex KeyNameShape();
    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")] private static partial Regex DomainShape();
    [GeneratedRegex(@"^Z[A-Z0-9]{1,31}$")] private static partial Regex Route53ZoneShape();
    [GeneratedRegex(@"^[0-9a-f]{32}$")] private static partial Regex CloudflareZoneShape();
    [GeneratedRegex(@"^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\z")] private static partial Regex HostShape();

    // Xen-based families: their EBS volumes are not NVMe, which the data-volume setup relies on.
    private static readonly string[] XenFamilies = ["t1", "t2", "m1", "m2", "m3", "m4", "c1", "c3", "c4", "r3", "r4", "i2", "i3", "d2", "x1", "x1e", "g3", "p2", "p3"];

    private const string HexDigest = "64 hex digits";

    public static readonly ConfigKey<string> Region = new("region",
        ConfigShapes.Pattern(RegionShape(), "is not an AWS region name.", "an AWS region such as eu-west-1"), "eu-west-1", "AWS region of the stack.");

    public static readonly ConfigKey<Ipv4Cidr> VpcCidr = new("vpcCidr",
        ConfigShapes.Parsed<Ipv4Cidr>("CIDR", "a private (RFC 1918) CIDR from /16 to /19, e.g. 10.0.0.0/16", ParseCidr), Ipv4Cidr.Parse("10.0.0.0/16"),
        "IPv4 block of the VPC; subnets are carved from it stably (adding an AZ or a subnet tier never renumbers).");

    public static readonly ConfigKey<int> AzCount = new("azCount", ConfigShapes.Integer(3, 6), 3,
        "Availability zones to spread over; RAFT without a single point of failure needs three. Servers always use the first " +
        "three; more AZs add subnets, NAT and load-balancer zones.");

    public static readonly ConfigKey<IReadOnlyList<string>?> AvailabilityZones = new("availabilityZones",
        ConfigShapes.StringList("a list of azCount distinct AZ names of the region"), null,
        "AZ names to use.")
    {
        DefaultText = "the region's first available ones, looked up at deployment",
    };

    public static readonly ConfigKey<bool> IsolatedSubnets = new("isolatedSubnets", ConfigShapes.Boolean, false,
        "Add an isolated data subnet tier (no route out of the VPC).");

    public static readonly ConfigKey<string> NatStrategy = new("natStrategy",
        ConfigShapes.OneOf("is not a NAT strategy.", "onePerAz", "single", "none"), "onePerAz",
        "NAT gateways: one per AZ (no shared failure), a single one (cheap dev), or none (the servers reach only S3).");

    public static readonly ConfigKey<string> ServerInstanceType = new("serverInstanceType",
        ConfigShapes.Text("a Nitro instance type such as m6i.large", InstanceTypeProblem), "m6i.large", "EC2 type of the platform servers.");

    public static readonly ConfigKey<string> BastionInstanceType = new("bastionInstanceType",
        ConfigShapes.Text("a Nitro instance type such as t3.micro", InstanceTypeProblem), "t3.micro", "EC2 type of the bastion.");

    public static readonly ConfigKey<string?> AmiId = new("amiId",
        ConfigShapes.Pattern(AmiShape(), "is not an AMI id.", "an AMI id such as ami-0123456789abcdef0")!, null,
        "Image of servers and bastion.")
    {
        DefaultText = "the latest official Debian 12 x86_64 image, resolved at deployment",
    };

    public static readonly ConfigKey<string?> SshKeyName = new("sshKeyName",
        ConfigShapes.Pattern(KeyNameShape(), "is not a valid key pair name.", "the name of an existing EC2 key pair")!, null,
        "EC2 key pair for SSH to the bastion and servers.")
    {
        DefaultText = "none: Session Manager only",
    };

    public static readonly ConfigKey<IReadOnlyList<string>?> SshCidrs = new("sshCidrs",
        ConfigShapes.StringList("a list of CIDRs outside the VPC, e.g. [\"203.0.113.0/24\"]; never 0.0.0.0/0", allowEmpty: true), [],
        "Networks allowed to SSH to the bastion; an empty list means no SSH ingress at all (Session Manager only).");

    public static readonly ConfigKey<string> Domain = new("domain",
        ConfigShapes.Text("a DNS name of at most 64 characters, such as dev.example.com", DomainProblem), "",
        "Domain of the stack; ingress hosts are names under it and the certificate covers it and *.domain.")
    {
        Required = true,
        RequiredWhy = "the ALB's certificate and host names need it",
    };

    public static readonly ConfigKey<string> DnsProvider = new("dnsProvider",
        ConfigShapes.OneOf("is not a DNS provider.", "route53", "cloudflare", "none"), "route53",
        "Where DNS records (certificate validation, ingress hosts) are created: route53, cloudflare (API token from " +
        "CLOUDFLARE_API_TOKEN), or none (by hand from the outputs).");

    public static readonly ConfigKey<string?> Route53ZoneId = new("route53ZoneId",
        ConfigShapes.Pattern(Route53ZoneShape(), "is not a Route53 hosted zone id.", "a hosted zone id such as Z0123456789ABC")!, null,
        "Route53 hosted zone of the domain.")
    {
        DefaultText = "looked up by the domain's name",
    };

    public static readonly ConfigKey<string?> CloudflareZoneId = new("cloudflareZoneId",
        ConfigShapes.Pattern(CloudflareZoneShape(), "is not a Cloudflare zone id.", "32 hex digits")!, null,
        "Cloudflare zone of the domain.")
    {
        DefaultText = "required with dnsProvider cloudflare",
    };

    public static readonly ConfigKey<IReadOnlyList<KeyValuePair<string, PlacementEntry>>?> Placement = new("placement",
        ConfigShapes.Map("an object such as {gateway: 3, accounts: 3, events: 3} (a Service may be {servers: N, addressGroup: G}); " +
            "every Service 1 to 12, an odd total of at least 3, no AZ with half of them (RAFT quorum)",
            "a Service of infra:services", _ => null, PlacementEntry.Shape), null,
        "Servers per Service (each server runs one Service), spread over the first three AZs; addressGroup pins a Service's " +
        "address group (see Addresses that never move).")
    {
        DefaultText = "3 per Service",
    };

    public static readonly ConfigKey<string> BinaryUrl = new("binaryUrl", ConfigShapes.Text("an https:// URL"), "",
        "HTTPS download URL of the platform binary (linux amd64).") { Required = true };

    public static readonly ConfigKey<string> BinarySha256 = new("binarySha256", ConfigShapes.Text(HexDigest), "",
        "SHA-256 of the platform binary; servers refuse anything else.")
    {
        Required = true,
        RequiredWhy = "servers install nothing they cannot verify",
    };

    public static readonly ConfigKey<string> OtelcolPackageUrl = new("otelcolPackageUrl",
        ConfigShapes.Text("an https:// URL of an otelcol-contrib_VERSION_linux_amd64.deb"), "",
        "The otelcol-contrib .deb of a pinned opentelemetry-collector-releases GitHub release.") { Required = true };

    public static readonly ConfigKey<string> OtelcolPackageSha256 = new("otelcolPackageSha256", ConfigShapes.Text(HexDigest), "",
        "SHA-256 of that .deb, from the release's checksums file.")
    {
        Required = true,
        RequiredWhy = "servers install nothing they cannot verify",
    };

    public static readonly ConfigKey<string> SsmAgentPackageUrl = new("ssmAgentPackageUrl",
        ConfigShapes.Text("an https:// URL of a versioned debian_amd64/amazon-ssm-agent.deb, e.g. " +
                          "https://s3.eu-west-1.amazonaws.com/amazon-ssm-eu-west-1/3.3.1142.0/debian_amd64/amazon-ssm-agent.deb"), "",
        "The amazon-ssm-agent .deb of a pinned release (never latest), installed on the bastion and every server so Session " +
        "Manager can open a shell (Debian images ship no agent).") { Required = true };

    public static readonly ConfigKey<string> SsmAgentPackageSha256 = new("ssmAgentPackageSha256",
        ConfigShapes.Text("64 hex digits (sha256sum amazon-ssm-agent.deb)"), "",
        "SHA-256 of that .deb; servers refuse anything else.")
    {
        Required = true,
        RequiredWhy = "servers install nothing they cannot verify",
    };

    public static readonly ConfigKey<string> OtlpEndpoint = new("otlpEndpoint",
        ConfigShapes.Text("host:port, e.g. otel.example.com:4317", HostPortProblem), "",
        "OTLP/gRPC endpoint (TLS) every server's collector forwards traces, metrics and logs to.")
    {
        Required = true,
        RequiredWhy = "every server forwards its telemetry there",
    };

    public static readonly ConfigKey<int> DataVolumeSize = new("dataVolumeSize", ConfigShapes.Integer(10, 16384), 50,
        "Size of each server's RAFT data volume, in GiB.");

    public static readonly ConfigKey<int> SnapshotRetention = new("snapshotRetention", ConfigShapes.Integer(1, 1000), 7,
        "Daily data-volume snapshots kept per server.");

    public static readonly ConfigKey<bool> RestoreFromSnapshots = new("restoreFromSnapshots", ConfigShapes.Boolean, false,
        "Create each data volume from its server's latest snapshot (spin-up after a teardown; dev and staging only).");

    public static readonly ConfigKey<string?> ExpiresOn = new("expiresOn",
        ConfigShapes.Text("a date YYYY-MM-DD; not for production", v =>
            DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "is not a date YYYY-MM-DD.")!,
        null, "Expiry date tagged on a dev stack's resources for clean-up tooling.")
    {
        DefaultText = "the tag weekend-teardown",
    };

    public static readonly IReadOnlyList<ConfigKey> All =
    [
        Region, VpcCidr, AzCount, AvailabilityZones, IsolatedSubnets, NatStrategy, ServerInstanceType, BastionInstanceType,
        AmiId, SshKeyName, SshCidrs, Domain, DnsProvider, Route53ZoneId, CloudflareZoneId, Placement, BinaryUrl, BinarySha256,
        OtelcolPackageUrl, OtelcolPackageSha256, SsmAgentPackageUrl, SsmAgentPackageSha256, OtlpEndpoint, DataVolumeSize, SnapshotRetention, RestoreFromSnapshots, ExpiresOn,
    ];

    private static string? ParseCidr(string text, out Ipv4Cidr cidr)
    {
        if (Ipv4Cidr.TryParse(text, out cidr)) return null;
        try { Ipv4Cidr.Parse(text, "value"); return "is not a CIDR block."; }
        catch (NetworkPlanException e) { return e.Message; }
    }

    private static string? InstanceTypeProblem(string type)
    {
        var match = InstanceTypeShape().Match(type);
        if (!match.Success) return "is not an EC2 instance type.";
        return XenFamilies.Contains(match.Groups["family"].Value)
            ? "is a Xen-based type; the data volume setup needs a Nitro type (NVMe EBS)."
            : null;
    }

    private static string? DomainProblem(string domain) =>
        !DomainShape().IsMatch(domain) ? "is not a lower-case DNS name with at least two labels."
        : domain.Length > Dc9Settings.MaxDomainLength
            ? $"has {domain.Length} characters; the ALB's certificate names it as its domain (X.509 common name), which ACM limits to {Dc9Settings.MaxDomainLength}."
        : null;

    /// <summary>Null when <paramref name="text"/> is HOST:PORT with a DNS name or IPv4 address and a port 1-65535.</summary>
    private static string? HostPortProblem(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0) return "is not host:port.";
        var host = text[..colon];
        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            return "does not end in a port from 1 to 65535.";
        return HostShape().IsMatch(host) && host.Length <= 253 ? null : "does not start with a DNS name or IPv4 address.";
    }
}

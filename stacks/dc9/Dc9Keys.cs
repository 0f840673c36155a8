using Infra.Platform.Configuration;

namespace Infra.Stacks.Dc9;

/// <summary>The config keys of the dc9 tier, beyond the common ones.</summary>
public static class Dc9Keys
{
    public static readonly ConfigKey Region = new("region", ConfigKind.String, "AWS region of the stack.", "an AWS region such as eu-west-1");
    public static readonly ConfigKey VpcCidr = new("vpcCidr", ConfigKind.String,
        "IPv4 block of the VPC; subnets are carved from it stably (adding an AZ or a tier never renumbers).", "a private (RFC 1918) CIDR from /16 to /19, e.g. 10.0.0.0/16");
    public static readonly ConfigKey AzCount = new("azCount", ConfigKind.Integer,
        "Availability zones to spread over; RAFT without a single point of failure needs three.", "an integer from 3 to 6");
    public static readonly ConfigKey AvailabilityZones = new("availabilityZones", ConfigKind.StringList,
        "AZ names to use (default: the region's first available ones, looked up at deployment).", "a list of azCount distinct AZ names of the region");
    public static readonly ConfigKey IsolatedSubnets = new("isolatedSubnets", ConfigKind.Boolean,
        "Add an isolated data subnet tier (no route out of the VPC).", "true | false");
    public static readonly ConfigKey NatStrategy = new("natStrategy", ConfigKind.String,
        "NAT gateways: one per AZ (no shared failure), a single one (cheap dev), or none.", "onePerAz | single | none");
    public static readonly ConfigKey ServerInstanceType = new("serverInstanceType", ConfigKind.String,
        "EC2 type of the platform servers.", "a Nitro instance type such as m6i.large");
    public static readonly ConfigKey BastionInstanceType = new("bastionInstanceType", ConfigKind.String,
        "EC2 type of the bastion.", "a Nitro instance type such as t3.micro");
    public static readonly ConfigKey AmiId = new("amiId", ConfigKind.String,
        "Image of servers and bastion (default: the latest official Debian 12 x86_64 image, resolved at deployment).", "an AMI id such as ami-0123456789abcdef0");
    public static readonly ConfigKey SshKeyName = new("sshKeyName", ConfigKind.String,
        "EC2 key pair for SSH to the bastion and servers (default: none, Session Manager only).", "the name of an existing EC2 key pair");
    public static readonly ConfigKey SshCidrs = new("sshCidrs", ConfigKind.StringList,
        "Networks allowed to SSH to the bastion; an empty list means no SSH ingress at all (Session Manager only).",
        "a list of CIDRs outside the VPC, e.g. [\"203.0.113.0/24\"]; never 0.0.0.0/0");
    public static readonly ConfigKey Domain = new("domain", ConfigKind.String,
        "Domain of the stack; ingress hosts are names under it and the certificate covers it and *.domain.", "a DNS name of at most 64 characters, such as dev.example.com");
    public static readonly ConfigKey DnsProvider = new("dnsProvider", ConfigKind.String,
        "Where DNS records (certificate validation, ingress hosts) are created; none means by hand from the outputs.", "route53 | cloudflare | none");
    public static readonly ConfigKey Route53ZoneId = new("route53ZoneId", ConfigKind.String,
        "Route53 hosted zone of the domain (default: looked up by name).", "a hosted zone id such as Z0123456789ABC");
    public static readonly ConfigKey CloudflareZoneId = new("cloudflareZoneId", ConfigKind.String,
        "Cloudflare zone of the domain (required with dnsProvider cloudflare; the API token comes from CLOUDFLARE_API_TOKEN).", "32 hex digits");
    public static readonly ConfigKey Placement = new("placement", ConfigKind.Object,
        "Servers per Service (each server runs one Service); a Service's servers are spread over the first three AZs.",
        "an object such as {gateway: 3, accounts: 3, events: 3} (a Service may be {servers: N, addressGroup: G}); every Service 1 to 12, " +
        "an odd total of at least 3, no AZ with half of them (RAFT quorum)");
    public static readonly ConfigKey BinaryUrl = new("binaryUrl", ConfigKind.String, "HTTPS download URL of the platform binary (linux amd64).", "an https:// URL");
    public static readonly ConfigKey BinarySha256 = new("binarySha256", ConfigKind.String, "SHA-256 of the platform binary; servers refuse anything else.", "64 hex digits");
    public static readonly ConfigKey OtelcolPackageUrl = new("otelcolPackageUrl", ConfigKind.String,
        "The otelcol-contrib .deb of a pinned opentelemetry-collector-releases GitHub release.", "an https:// URL of an otelcol-contrib_VERSION_linux_amd64.deb");
    public static readonly ConfigKey OtelcolPackageSha256 = new("otelcolPackageSha256", ConfigKind.String,
        "SHA-256 of that .deb, from the release's checksums file.", "64 hex digits");
    public static readonly ConfigKey SsmAgentPackageUrl = new("ssmAgentPackageUrl", ConfigKind.String,
        "The amazon-ssm-agent .deb of a pinned release, installed on the bastion and every server so Session Manager can open a shell (Debian images ship no agent).",
        "an https:// URL of a versioned debian_amd64/amazon-ssm-agent.deb, e.g. https://s3.eu-west-1.amazonaws.com/amazon-ssm-eu-west-1/3.3.1142.0/debian_amd64/amazon-ssm-agent.deb");
    public static readonly ConfigKey SsmAgentPackageSha256 = new("ssmAgentPackageSha256", ConfigKind.String,
        "SHA-256 of that .deb; servers refuse anything else.", "64 hex digits (sha256sum amazon-ssm-agent.deb)");
    public static readonly ConfigKey OtlpEndpoint = new("otlpEndpoint", ConfigKind.String,
        "OTLP/gRPC endpoint every server's collector forwards traces, metrics and logs to (TLS).", "host:port, e.g. otel.example.com:4317");
    public static readonly ConfigKey DataVolumeSize = new("dataVolumeSize", ConfigKind.Integer, "Size of each server's RAFT data volume, in GiB.", "an integer from 10 to 16384");
    public static readonly ConfigKey SnapshotRetention = new("snapshotRetention", ConfigKind.Integer, "Daily data-volume snapshots kept per server.", "an integer from 1 to 1000");
    public static readonly ConfigKey RestoreFromSnapshots = new("restoreFromSnapshots", ConfigKind.Boolean,
        "Create each data volume from its server's latest snapshot (spin-up after a teardown; dev and staging only).", "true | false");
    public static readonly ConfigKey ExpiresOn = new("expiresOn", ConfigKind.String,
        "Expiry date tagged on a dev stack's resources for clean-up tooling (default tag: weekend-teardown).", "a date YYYY-MM-DD; not for production");

    public static readonly IReadOnlyList<ConfigKey> All =
    [
        Region, VpcCidr, AzCount, AvailabilityZones, IsolatedSubnets, NatStrategy, ServerInstanceType, BastionInstanceType,
        AmiId, SshKeyName, SshCidrs, Domain, DnsProvider, Route53ZoneId, CloudflareZoneId, Placement, BinaryUrl, BinarySha256,
        OtelcolPackageUrl, OtelcolPackageSha256, SsmAgentPackageUrl, SsmAgentPackageSha256, OtlpEndpoint, DataVolumeSize, SnapshotRetention, RestoreFromSnapshots, ExpiresOn,
    ];
}

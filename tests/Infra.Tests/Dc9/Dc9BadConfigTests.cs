using Infra.Platform.Configuration;

namespace Infra.Tests.Dc9;

/// <summary>Every dc9 key refuses bad values with the key, the value, what is wrong and what is allowed.</summary>
public class Dc9BadConfigTests
{
    public static TheoryData<string, string?, string> Cases => new()
    {
        { "region", "europe", "infra:region = \"europe\": is not an AWS region name." },
        { "vpcCidr", "10.0.0.1/16", "infra:vpcCidr = \"10.0.0.1/16\": value: '10.0.0.1/16' has host bits set; did you mean 10.0.0.0/16?" },
        { "vpcCidr", "10.0.0.0/24", "infra:vpcCidr = \"10.0.0.0/24\": is a /24 block; dc9 needs /16 to /19" },
        { "vpcCidr", "10.0.0.0/20", "infra:vpcCidr = \"10.0.0.0/20\": is a /20 block; dc9 needs /16 to /19: AWS allows no VPC larger than /16, and below /19 a private subnet of the stable layout cannot hold the servers' 64 static addresses. Allowed: a private (RFC 1918) CIDR from /16 to /19" },
        { "vpcCidr", "10.0.0.0/8", "infra:vpcCidr = \"10.0.0.0/8\": is a /8 block; dc9 needs /16 to /19" },
        { "vpcCidr", "8.8.0.0/16", "infra:vpcCidr = \"8.8.0.0/16\": is not in private address space (RFC 1918)" },
        { "vpcCidr", "172.0.0.0/16", "infra:vpcCidr = \"172.0.0.0/16\": is not in private address space (RFC 1918)" },
        { "vpcCidr", "banana", "infra:vpcCidr = \"banana\": value: 'banana' is not a CIDR block" },
        { "azCount", "\"2\"", "infra:azCount = \"2\": is out of range. Allowed: an integer from 3 to 6." },
        { "availabilityZones", "[eu-west-1a, eu-west-1b]", "names 2 zones but infra:azCount is 3." },
        { "availabilityZones", "[eu-west-1a, eu-west-1a, us-east-1c]", "infra:availabilityZones = \"us-east-1c\": is not an availability zone of region eu-west-1." },
        { "natStrategy", "onePerAZ", "infra:natStrategy = \"onePerAZ\": is not a NAT strategy. Allowed: onePerAz | single | none." },
        { "serverInstanceType", "m4.large", "infra:serverInstanceType = \"m4.large\": is a Xen-based type" },
        { "serverInstanceType", "m7g.large", "is an arm64 (Graviton) type, but the default image is x86_64; set infra:amiId" },
        { "bastionInstanceType", "tiny", "infra:bastionInstanceType = \"tiny\": is not an EC2 instance type." },
        { "amiId", "ami-xyz", "infra:amiId = \"ami-xyz\": is not an AMI id." },
        { "sshCidrs", "[0.0.0.0/0]", "infra:sshCidrs = \"0.0.0.0/0\": opens SSH to the whole internet." },
        { "sshCidrs", "[10.0.5.0/24]", "infra:sshCidrs = \"10.0.5.0/24\": overlaps the VPC 10.0.0.0/16" },
        { "sshCidrs", "[203.0.113.7/24]", "did you mean 203.0.113.0/24?" },
        { "domain", null, "infra:domain: is required" },
        { "domain", "Example.COM", "infra:domain = \"Example.COM\": is not a lower-case DNS name" },
        { "dnsProvider", "gandi", "infra:dnsProvider = \"gandi\": is not a DNS provider. Allowed: route53 | cloudflare | none." },
        { "route53ZoneId", "zone-1", "infra:route53ZoneId = \"zone-1\": is not a Route53 hosted zone id." },
        { "cloudflareZoneId", "0123456789abcdef0123456789abcdef", "infra:cloudflareZoneId = \"0123456789abcdef0123456789abcdef\": is set but infra:dnsProvider is not cloudflare." },
        { "placement", "{gateway: 3, accounts: 3}", "infra:placement = \"events\": has no servers" },
        { "placement", "{gateway: 3, accounts: 3, events: 2}", "infra:placement = \"8\": is the total number of servers (RAFT peers); it must be odd and at least 3" },
        { "placement", "{gateway: 3, accounts: 3, events: 3, billing: 1}", "infra:placement = \"billing\": is not a Service of this stack." },
        { "placement", "{gateway: 3, accounts: 3, events: many}", "infra:placement.events = \"many\": is not a whole number. Allowed: an integer from 1 to 12." },
        { "placement", "{gateway: 3, accounts: 3, events: 13}", "infra:placement.events = \"13\": is out of range. Allowed: an integer from 1 to 12." },
        { "binaryUrl", null, "infra:binaryUrl: is required and not set." },
        { "binaryUrl", "http://releases.example.com/platform", "is not an https:// URL" },
        { "binarySha256", "abc", "infra:binarySha256 = \"abc\": infra:binarySha256: 'abc' is not a SHA-256 checksum" },
        { "otelcolPackageSha256", null, "infra:otelcolPackageSha256: is required and not set: servers install nothing they cannot verify." },
        { "otlpEndpoint", "otel.example.com", "infra:otlpEndpoint = \"otel.example.com\": is not host:port." },
        { "dataVolumeSize", "\"5\"", "infra:dataVolumeSize = \"5\": is out of range. Allowed: an integer from 10 to 16384." },
        { "snapshotRetention", "\"0\"", "infra:snapshotRetention = \"0\": is out of range." },
        { "restoreFromSnapshots", "maybe", "infra:restoreFromSnapshots = \"maybe\": is not a boolean." },
        { "expiresOn", "next friday", "infra:expiresOn = \"next friday\": is not a date YYYY-MM-DD." },
        { "sshKeyName", "\"\"", "infra:sshKeyName = \"\": is not a valid key pair name." },
        { "isolatedSubnets", "perhaps", "infra:isolatedSubnets = \"perhaps\": is not a boolean." },
        { "azCount", "three", "infra:azCount = \"three\": is not a whole number." },
        { "otelcolPackageUrl", "ftp://example.com/otelcol.deb", "infra:otelcolPackageUrl = \"ftp://example.com/otelcol.deb\": infra:otelcolPackageUrl.url: 'ftp://example.com/otelcol.deb' is not an https:// URL" },
        { "isolatedSubnet", "\"true\"", "infra:isolatedSubnet: is not a known key. Did you mean infra:isolatedSubnets?" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_values_are_reported_with_key_value_problem_and_fix(string key, string? value, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(Dc9Synth.With(key, value)));
        Assert.Contains(expected, error.Message);
        Assert.Contains("pulumi config set KEY VALUE --stack dc9", error.Message);
    }

    [Fact]
    public void Cross_key_rules_are_checked()
    {
        var cloudflareWithoutZone = Dc9Synth.With("route53ZoneId", null).Replace("infra:dnsProvider: route53", "infra:dnsProvider: cloudflare");
        Assert.Contains("infra:cloudflareZoneId: is required when infra:dnsProvider is cloudflare.",
            Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(cloudflareWithoutZone)).Message);

        var natNoneWithGithub = Dc9Synth.ExampleConfig.Replace("infra:natStrategy: single", "infra:natStrategy: none");
        Assert.Contains("with infra:natStrategy none the servers can reach only S3",
            Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(natNoneWithGithub)).Message);

        var message = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(Dc9Synth.Production(Dc9Synth.With("expiresOn", "2027-01-01"))
            .Replace("  infra:region:", "  infra:restoreFromSnapshots: \"true\"\n  infra:region:"))).Message;
        Assert.Contains("infra:restoreFromSnapshots = \"true\": is for dev and staging", message);
        Assert.Contains("infra:expiresOn = \"2027-01-01\": is set on a production stack", message);
        Assert.Contains("2 problems", message);
    }

    [Fact]
    public void A_service_beyond_the_static_address_plan_is_a_config_error_not_a_crash()
    {
        // 17 catalog Services: the 17th has no static addresses (16 Services of 4 slots per AZ).
        var extra = Enumerable.Range(1, 14).Select(i => $"svc{i}").ToList();
        var catalog = "  infra:catalog:\n" + string.Concat(extra.Select(n => $"    {n}:\n      routes:\n        - host: api\n          path: /{n}/\n"));
        var placement = "  infra:placement:\n    gateway: 3\n    accounts: 3\n    events: 3\n" + string.Concat(extra.Select(n => $"    {n}: 2\n"));
        var yaml = Dc9Synth.ExampleConfig.TrimEnd() + "\n" + catalog + placement;
        var message = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(yaml)).Message;
        Assert.Contains("infra:placement: 17 Services have servers, but the static address plan holds 16 (64 addresses per private subnet, 4 per Service).", message);
        Assert.Contains("Drop Services from infra:services", message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var yaml = Dc9Synth.With("domain", null);
        yaml = yaml.Replace("infra:natStrategy: single", "infra:natStrategy: two").Replace("infra:region: eu-west-1", "infra:region: mars");
        var message = Assert.Throws<ConfigException>(() => Dc9Synth.Yaml(yaml)).Message;
        Assert.Contains("3 problems", message);
    }
}

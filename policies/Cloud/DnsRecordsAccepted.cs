using System.Globalization;
using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-012: DNS records in Route 53 and Cloudflare have names DNS accepts (at most 255 characters,
/// labels of 1-63) and TTLs and values their APIs accept: Route 53's TTL and record-value limits from
/// its API model, Cloudflare's TTL of 1 (automatic) or 30-86400 seconds.
/// </summary>
public sealed class DnsRecordsAccepted : ResourcePolicy
{
    public const string Route53Record = "aws:route53/record:Record";
    public const string CloudflareRecord = "cloudflare:index/dnsRecord:DnsRecord";
    public const string NameSource = "Amazon Route 53 Developer Guide, DNS domain name format (labels up to 63 bytes, names up to 255 bytes; RFC 1035)";
    public const string CloudflareSource = "Cloudflare API, DNS Records: name (at most 255 characters), ttl (1 for automatic, or 30-86400 seconds; error 9021)";

    public override string Id => "CLD-012";
    public override string Title => "DNS record names, TTLs and values are within Route 53's and Cloudflare's limits";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        CreatedResources.Is(resource) && resource.Type is Route53Record or CloudflareRecord;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var route53 = resource.Type == Route53Record;
        if (Props.String(resource, "name") is { } name && NameProblem(name) is { } problem)
            yield return Violation(resource.Name, "name", $"'{name}' {problem}.", route53 ? NameSource : CloudflareSource,
                "use a name of labels 1-63 characters long, at most 255 characters in all.");

        if (route53)
        {
            var ttl = AwsApiModel.Get(AwsApiShapes.Route53Ttl);
            if (Props.Number(Props.Get(resource, "ttl")) is { } seconds && ttl.RangeProblem(seconds) is { } ttlProblem)
                yield return Violation(resource.Name, "ttl", $"{ttlProblem}.", ttl.Source, $"use a TTL from {ttl.Min} to {ttl.Max} seconds.");
            var value = AwsApiModel.Get(AwsApiShapes.Route53RecordValue).Text("Route 53 record values");
            var records = Props.List(resource, "records");
            for (var i = 0; i < records.Count; i++)
                if (Props.String(records[i]) is { } text && value.Problems(text) is { Count: > 0 } problems)
                    yield return Violation(resource.Name, $"records[{i}]", $"{string.Join("; and ", problems)}.", value.Source,
                        "split the value (TXT records take several strings) or shorten it.");
        }
        else if (Props.Number(Props.Get(resource, "ttl")) is { } seconds && seconds != 1 && seconds is < 30 or > 86400)
            yield return Violation(resource.Name, "ttl",
                $"is {seconds.ToString(CultureInfo.InvariantCulture)}; Cloudflare accepts 1 (automatic) or 30-86400 seconds.", CloudflareSource,
                "use 1 for automatic, or a TTL from 60 to 86400 seconds.");
    }

    /// <summary>Why a DNS name is not valid; null when it is. A trailing dot (the root) is allowed.</summary>
    public static string? NameProblem(string name)
    {
        var trimmed = name.EndsWith('.') ? name[..^1] : name;
        if (trimmed.Length == 0) return "is empty";
        if (trimmed.Length > 255) return $"is {trimmed.Length} characters long; DNS names are at most 255";
        var labels = trimmed.Split('.');
        if (labels.FirstOrDefault(l => l.Length is 0 or > 63) is { } bad)
            return bad.Length == 0 ? "has an empty label (two dots in a row)" : $"has the label '{bad}' of {bad.Length} characters; DNS labels are at most 63";
        return null;
    }
}

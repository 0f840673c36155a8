using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-011: ACM certificate requests name domains ACM accepts (the API model's domain pattern and
/// length) and stay within the default quota of 10 domain names per certificate.
/// </summary>
public sealed class CertificatesAccepted : ResourcePolicy
{
    public const int DomainsPerCertificate = 10;
    public const string QuotaSource = "AWS Certificate Manager User Guide, Quotas: Domain names per ACM certificate (default 10)";

    /// <summary>The certificate's domain name is its X.509 common name; subject alternative names may have up to 253.</summary>
    public const int MaxDomainNameLength = 64;
    public const string DomainNameSource = "AWS Certificate Manager API Reference, RequestCertificate, DomainName (at most 64 octets: the common name, RFC 5280)";

    public override string Id => "CLD-011";
    public override string Title => "ACM certificates name valid domains, within the per-certificate quota";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        CreatedResources.Is(resource) && resource.Type == "aws:acm/certificate:Certificate";

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var rule = AwsApiModel.Get(AwsApiShapes.AcmDomainName).Text("ACM domain names");
        var names = new List<(string Property, string? Value)> { ("domainName", Props.String(resource, "domainName")) };
        var alternatives = Props.List(resource, "subjectAlternativeNames");
        names.AddRange(alternatives.Select((e, i) => ($"subjectAlternativeNames[{i}]", Props.String(e))));
        foreach (var (property, value) in names)
        {
            if (value is null) continue;
            var problems = rule.Problems(value);
            if (problems.Count > 0)
                yield return Violation(resource.Name, property, $"'{value}' {string.Join("; and ", problems)}: ACM rejects the request.", rule.Source,
                    "use a fully qualified domain name (optionally starting with '*.'), without a trailing dot.");
        }
        if (Props.String(resource, "domainName") is { Length: > MaxDomainNameLength } first)
            yield return Violation(resource.Name, "domainName",
                $"'{first}' is {first.Length} characters long; a certificate's domain name allows at most {MaxDomainNameLength}: ACM rejects the request.",
                DomainNameSource, $"use a domain name of at most {MaxDomainNameLength} characters; longer names fit only as subject alternative names.");
        // The domain name counts too; a SAN equal to it does not add one.
        var distinct = names.Select(n => n.Value).Where(v => v is not null).Distinct(StringComparer.OrdinalIgnoreCase).Count() +
                       names.Count(n => n.Value is null);
        if (distinct > DomainsPerCertificate)
            yield return Violation(resource.Name, "subjectAlternativeNames",
                $"asks for {distinct} domain names with the domain name; the default quota is {DomainsPerCertificate} per certificate.", QuotaSource,
                "use a wildcard name, or split the names over several certificates.");
    }
}

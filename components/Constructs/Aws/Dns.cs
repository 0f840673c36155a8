using Infra.Platform;
using Infra.Synthesis;
using static Infra.Providers.Generated.Aws;
using Cloudflare = Infra.Providers.Generated.Cloudflare;

namespace Infra.Constructs.Aws;

/// <summary>Where the stack's DNS records live.</summary>
public enum DnsProviderKind
{
    Route53,
    Cloudflare,
    /// <summary>Manual: the ALB name and the certificate's validation record are outputs to enter by hand.</summary>
    None,
}

public sealed record DnsProps
{
    public required StackIdentity Stack { get; init; }
    public required DnsProviderKind Provider { get; init; }
    /// <summary>The stack's domain; ingress hosts are names under it (<c>api.example.com</c>).</summary>
    public required string Domain { get; init; }
    /// <summary>Route53 hosted zone; null looks the public zone of <see cref="Domain"/> up at deployment.</summary>
    public string? Route53ZoneId { get; init; }
    public string? CloudflareZoneId { get; init; }
}

/// <summary>
/// DNS records of the edge in Route53 or Cloudflare, or none. Two jobs: the certificate's DNS
/// validation record, and one record per ingress host pointing at the ALB.
/// </summary>
public sealed class Dns : Component
{
    private readonly DnsProps props;
    private readonly Input<string>? route53Zone;
    private readonly Cloudflare.CloudflareProvider? cloudflare;

    public DnsProviderKind Provider => props.Provider;
    public string Domain => props.Domain;

    public Dns(Scope scope, string id, DnsProps props) : base(scope, id)
    {
        this.props = props;
        // No resource stands for the zone (it is looked up or managed elsewhere): the records are peers.
        DeclareNoAnchor();
        if (props.Provider == DnsProviderKind.Route53)
            route53Zone = props.Route53ZoneId is { } zone
                ? zone
                : Blueprint.Variable<string>("dnsZoneId",
                    Route53.GetZone(InvokeOptions.In(this, "aws"), new() { Name = props.Domain, PrivateZone = false }).ZoneId.Expr);
        if (props.Provider == DnsProviderKind.Cloudflare)
        {
            cloudflare = new Cloudflare.CloudflareProvider(this, "cloudflare");
            UseProvider(cloudflare);
        }
    }

    /// <summary>Creates the ACM validation record; returns its FQDN when the provider reports one.</summary>
    public Input<string>? Validate(Acm.Certificate certificate)
    {
        switch (props.Provider)
        {
            case DnsProviderKind.Route53:
                var record = new Route53.Record(this, "cert-validation", new Route53.RecordArgs
                {
                    ZoneId = route53Zone!,
                    Name = certificate.ValidationRecordName,
                    Type = certificate.ValidationRecordType,
                    Ttl = 300,
                    Records = [certificate.ValidationRecordValue],
                    // The apex and the wildcard ask for the same record; a re-run must not fail on it.
                    AllowOverwrite = true,
                });
                return record.Fqdn;
            case DnsProviderKind.Cloudflare:
                // ACM writes both names fully qualified, with a trailing dot; Cloudflare stores them without it and
                // reports them back so, which the provider shows as a change on every update. Strip the dot here.
                _ = new Cloudflare.DnsRecord(this, "cert-validation", new Cloudflare.DnsRecordArgs
                {
                    ZoneId = props.CloudflareZoneId!,
                    Name = WithoutTrailingDot(certificate.ValidationRecordName, props.Domain),
                    Type = certificate.ValidationRecordType,
                    Content = WithoutTrailingDot(certificate.ValidationRecordValue, AcmValidationDomain),
                    Ttl = 1,
                    Proxied = false,
                    Comment = $"ACM validation for {props.Stack.Stack}",
                });
                return null;
            default:
                return null;
        }
    }

    /// <summary>The domain under which ACM's validation targets live (<c>_x.y.acm-validations.aws.</c>).</summary>
    public const string AcmValidationDomain = "acm-validations.aws";

    /// <summary>
    /// <paramref name="fqdn"/> ending in <c><paramref name="suffix"/>.</c>, without the final dot. Computed at deployment;
    /// a name that does not end that way comes through unchanged (Cloudflare would then still strip the dot, but
    /// the record is never wrong).
    /// </summary>
    public static Input<string> WithoutTrailingDot(Input<string> fqdn, string suffix) => Fn.Replace(fqdn, suffix + ".", suffix);

    /// <summary>One record per ingress host, pointing at the load balancer.</summary>
    public void PointAt(Lb.LoadBalancer alb, IEnumerable<string> hosts)
    {
        foreach (var host in hosts.Distinct().Order(StringComparer.Ordinal))
        {
            var fqdn = $"{host}.{props.Domain}";
            if (props.Provider == DnsProviderKind.Route53)
                _ = new Route53.Record(this, $"host-{host}", new Route53.RecordArgs
                {
                    ZoneId = route53Zone!,
                    Name = fqdn,
                    Type = "A",
                    Aliases = [new Route53.RecordAlias { Name = alb.DnsName, ZoneId = alb.ZoneId, EvaluateTargetHealth = true }],
                });
            else if (props.Provider == DnsProviderKind.Cloudflare)
                _ = new Cloudflare.DnsRecord(this, $"host-{host}", new Cloudflare.DnsRecordArgs
                {
                    ZoneId = props.CloudflareZoneId!,
                    Name = fqdn,
                    Type = "CNAME",
                    Content = alb.DnsName,
                    Ttl = 300,
                    // TLS ends at the ALB with the ACM certificate; Cloudflare only resolves the name.
                    Proxied = false,
                    Comment = $"Ingress of {props.Stack.Stack}",
                });
        }
    }
}

using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Edge;

/// <summary>EDG-001: HTTPS listeners terminate TLS with a certificate and a TLS 1.2+/1.3 security policy.</summary>
public sealed class HttpsWithModernTls : ResourcePolicy
{
    /// <summary>ELB policies that allow TLS 1.2 and 1.3 only, with forward-secret ciphers.</summary>
    public static readonly IReadOnlyList<string> ModernPolicies =
    [
        "ELBSecurityPolicy-TLS13-1-2-2021-06",
        "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
        "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
        "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
        "ELBSecurityPolicy-TLS13-1-3-2021-06",
        "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
        "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
    ];

    public override string Id => "EDG-001";
    public override string Title => "HTTPS listeners use a certificate and a modern TLS policy";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        resource.Type == Tokens.Listener && LoadBalancers.Protocol(resource) == "HTTPS";

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var policy = Props.String(resource, "sslPolicy");
        if (policy is null || !ModernPolicies.Contains(policy))
            yield return Violation(resource.Name, $"uses TLS policy {policy ?? "(provider default, allows TLS 1.0/1.1)"}.",
                $"set sslPolicy: {ModernPolicies[0]} (or another TLS13 policy).");
        if (!Props.Has(resource, "certificateArn"))
            yield return Violation(resource.Name, "is HTTPS without a certificateArn.", "set certificateArn to the ACM certificate of the stack's domain.");
    }
}

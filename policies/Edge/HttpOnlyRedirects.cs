using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Edge;

/// <summary>EDG-002: a plain-HTTP listener only redirects to HTTPS; it never forwards traffic to servers.</summary>
public sealed class HttpOnlyRedirects : ResourcePolicy
{
    public override string Id => "EDG-002";
    public override string Title => "HTTP listeners only redirect to HTTPS";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        resource.Type == Tokens.Listener && LoadBalancers.Protocol(resource) == "HTTP";

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var actions = Props.List(resource, "defaultActions").OfType<ObjectExpr>().ToList();
        var redirects = actions.Count > 0 && actions.All(a =>
            Props.String(a["type"]) == "redirect" && Props.String(Props.Get(a, "redirect.protocol")) == "HTTPS");
        if (!redirects)
            yield return Violation(resource.Name,
                $"serves plain HTTP (default action {string.Join(", ", actions.Select(a => Props.String(a["type"]) ?? "?"))}) instead of redirecting.",
                "make its only default action {type: redirect, redirect: {protocol: HTTPS, port: \"443\", statusCode: HTTP_301}}.");
    }
}

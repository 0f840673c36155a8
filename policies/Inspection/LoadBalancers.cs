using Infra.Synthesis;

namespace Infra.Policies.Inspection;

/// <summary>Application load balancers and their listeners.</summary>
public static class LoadBalancers
{
    /// <summary>An ALB: <c>loadBalancerType</c> unset (the provider's default) or <c>application</c>.</summary>
    public static bool IsApplication(Resource resource) =>
        resource.Type == Tokens.LoadBalancer && (Props.String(resource, "loadBalancerType") ?? "application") == "application";

    public static IEnumerable<Resource> ListenersOf(Blueprint blueprint, Resource loadBalancer) =>
        blueprint.Resources.Where(r => r.Type == Tokens.Listener && Props.RefersTo(Props.Get(r, "loadBalancerArn"), loadBalancer.Name));

    /// <summary>The listener's protocol; an ALB listener without one is HTTP.</summary>
    public static string Protocol(Resource listener) => (Props.String(listener, "protocol") ?? "HTTP").ToUpperInvariant();
}

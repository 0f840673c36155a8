using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Edge;

/// <summary>EDG-006: every ALB terminates TLS: it has an HTTPS listener (DESIGN: ALB with TLS termination).</summary>
public sealed class HttpsListenerPresent : ResourcePolicy
{
    public override string Id => "EDG-006";
    public override string Title => "Every ALB has an HTTPS listener";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => LoadBalancers.IsApplication(resource);

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (!LoadBalancers.ListenersOf(context.Blueprint, resource).Any(l => LoadBalancers.Protocol(l) == "HTTPS"))
            yield return Violation(resource.Name, "has no HTTPS listener.",
                $"add an aws:lb/listener:Listener with loadBalancerArn: ${{{resource.Name}.arn}}, port 443, protocol HTTPS.");
    }
}

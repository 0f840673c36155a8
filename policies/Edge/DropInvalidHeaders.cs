using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Edge;

/// <summary>EDG-003: the ALB drops headers with invalid names, closing a request-smuggling path to the servers.</summary>
public sealed class DropInvalidHeaders : ResourcePolicy
{
    public override string Id => "EDG-003";
    public override string Title => "ALB drops invalid header fields";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => LoadBalancers.IsApplication(resource);

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (Props.Bool(resource, "dropInvalidHeaderFields") != true)
            yield return Violation(resource.Name, "forwards headers with invalid names.", "set dropInvalidHeaderFields: true.");
    }
}

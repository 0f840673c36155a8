using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Edge;

/// <summary>EDG-005: on staging and production the load balancer cannot be deleted by accident (dev stacks are torn down weekly).</summary>
public sealed class DeletionProtection : ResourcePolicy
{
    public override string Id => "EDG-005";
    public override string Title => "Load balancer deletion protection on non-dev stacks";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        resource.Type == Tokens.LoadBalancer && !context.IsDev;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (Props.Bool(resource, "enableDeletionProtection") != true)
            yield return Violation(resource.Name,
                $"can be deleted on a {context.Environment.ToString().ToLowerInvariant()} stack (enableDeletionProtection is not true).",
                "set enableDeletionProtection: true when the environment is not dev.");
    }
}

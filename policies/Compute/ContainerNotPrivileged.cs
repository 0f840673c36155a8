using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Compute;

/// <summary>CMP-005: no privileged containers: a privileged container is root on the host.</summary>
public sealed class ContainerNotPrivileged : ResourcePolicy
{
    public override string Id => "CMP-005";
    public override string Title => "Containers are not privileged";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => resource.Type == Tokens.DockerContainer;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (Props.Bool(resource, "privileged") == true)
            yield return Violation(resource.Name, "runs privileged (privileged: true), which is root on the host.",
                "remove privileged; grant only the capabilities it needs (capabilities.adds).");
    }
}

using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Hygiene;

/// <summary>HYG-008 (advisory): a container without a memory limit can starve its neighbours on a shared host.</summary>
public sealed class ContainerMemoryLimit : ResourcePolicy
{
    public override string Id => "HYG-008";
    public override string Title => "Containers have a memory limit";
    public override Severity Severity => Severity.Advisory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => resource.Type == Tokens.DockerContainer;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (!Props.Has(resource, "memory"))
            yield return Violation(resource.Name, "has no memory limit.", "set memory (MiB) to what the service needs plus headroom.");
    }
}

using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Hygiene;

/// <summary>HYG-006: containers have a health check, so Docker (and `wait: true`) knows when they actually work.</summary>
public sealed class ContainerHealthCheck : ResourcePolicy
{
    public override string Id => "HYG-006";
    public override string Title => "Containers have a health check";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => resource.Type == Tokens.DockerContainer;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var tests = Props.List(resource, "healthcheck.tests");
        if (tests.Count == 0)
            yield return Violation(resource.Name, "has no health check.",
                "set healthcheck: {tests: [\"CMD\", ...], interval, timeout, retries} with a probe of the service itself.");
        else if (Props.String(tests[0]) == "NONE")
            yield return Violation(resource.Name, "disables the image's health check (NONE).", "give it a real probe (CMD or CMD-SHELL).");
    }
}

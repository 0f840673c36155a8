using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Hygiene;

/// <summary>HYG-005: containers restart by themselves after a crash or a host reboot.</summary>
public sealed class ContainerRestartPolicy : ResourcePolicy
{
    public static readonly IReadOnlyList<string> Allowed = ["unless-stopped", "always", "on-failure"];

    public override string Id => "HYG-005";
    public override string Title => "Containers have a restart policy";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => resource.Type == Tokens.DockerContainer;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var restart = Props.Get(resource, "restart");
        if (restart is null || (Props.String(restart) is { } value && !Allowed.Contains(value)))
            yield return Violation(resource.Name, $"has restart policy {Props.String(restart) ?? "(none)"}, so it stays down after a crash or reboot.",
                "set restart: unless-stopped.");
    }
}

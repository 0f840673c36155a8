using Infra.Platform;
using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Network;

/// <summary>
/// NET-009: on the laptop tier every published container port is bound to 127.0.0.1, so a developer's
/// database and app are not open to the café Wi-Fi. (Other Docker tiers publish on purpose.)
/// </summary>
public sealed class LaptopPortsOnLoopback : ResourcePolicy
{
    public override string Id => "NET-009";
    public override string Title => "Laptop containers publish ports on loopback only";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        context.Identity.Tier == Tier.Laptop && resource.Type == Tokens.DockerContainer && Props.List(resource, "ports").Count > 0;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        foreach (var port in Props.List(resource, "ports").OfType<ObjectExpr>())
        {
            if (port["external"] is null) continue;
            var ip = Props.String(port["ip"]);
            if (ip is "127.0.0.1" or "::1") continue;
            yield return Violation(resource.Name,
                $"publishes port {Props.String(port["internal"])} on {ip ?? "every interface (0.0.0.0)"}.",
                "set ip: 127.0.0.1 on the port (PlatformContainerProps.PublishAddress).");
        }
    }
}

using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Compute;

/// <summary>CMP-003: servers have no public IP (only the bastion may): traffic reaches them through the ALB.</summary>
public sealed class NoPublicIpOnServers : ResourcePolicy
{
    public override string Id => "CMP-003";
    public override string Title => "No public IP on servers";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        (Tokens.IsServer(resource.Type) || resource.Type == Tokens.Eip) && !Roles.IsBastion(resource);

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        const string fix = "remove the public address; expose the server through the ALB and administer it via the bastion.";
        switch (resource.Type)
        {
            case Tokens.Instance when Props.Bool(resource, "associatePublicIpAddress") == true:
                yield return Violation(resource.Name, "gets a public IP (associatePublicIpAddress: true).", fix);
                break;
            case Tokens.LaunchTemplate:
                foreach (var nic in Props.List(resource, "networkInterfaces").OfType<ObjectExpr>())
                    if (Props.Bool(nic["associatePublicIpAddress"]) == true)
                        yield return Violation(resource.Name, "gives its instances a public IP (networkInterfaces.associatePublicIpAddress: true).", fix);
                break;
            case Tokens.Eip:
                foreach (var target in Props.Referenced(context.Blueprint, Props.Get(resource, "instance"))
                             .Where(t => t.Type == Tokens.Instance && !Roles.IsBastion(t)))
                    yield return Violation(resource.Name, $"attaches an Elastic IP to server {target.Name}.", fix);
                break;
        }
    }
}

using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Network;

/// <summary>
/// NET-004: servers (every instance or launch template but the bastion) run in private subnets: a
/// subnet that maps public IPs on launch, or is named public, is for the ALB, NAT and bastion only.
/// </summary>
public sealed class ServersInPrivateSubnets : ResourcePolicy
{
    public override string Id => "NET-004";
    public override string Title => "Servers only in private subnets";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        Tokens.IsServer(resource.Type) && !Roles.IsBastion(resource);

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var subnetRefs = resource.Type == Tokens.Instance
            ? [Props.Get(resource, "subnetId")]
            : Props.List(resource, "networkInterfaces").OfType<ObjectExpr>().Select(n => n["subnetId"]).ToList();
        // (No early exit after this one: a missing subnetId refers to no subnet, so the loop below finds nothing.)
        if (resource.Type == Tokens.Instance && subnetRefs[0] is null)
            yield return Violation(resource.Name, "has no subnetId, so it would land in the default VPC's public subnet.",
                "set subnetId to one of the VPC's private subnets.");
        foreach (var subnet in subnetRefs.SelectMany(s => Props.Referenced(context.Blueprint, s)).Where(s => s.Type == Tokens.Subnet))
        {
            if (IsPublic(subnet))
                yield return Violation(resource.Name, $"is placed in public subnet {subnet.Name}.",
                    "place servers in the private subnets; only the ALB, NAT gateways and the bastion belong in public ones.");
        }
    }

    public static bool IsPublic(Resource subnet) =>
        Props.Bool(subnet, "mapPublicIpOnLaunch") == true ||
        subnet.Name.Contains("public", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(Taggable.Tags(subnet).GetValueOrDefault("subnet-tier"), "public", StringComparison.OrdinalIgnoreCase);
}

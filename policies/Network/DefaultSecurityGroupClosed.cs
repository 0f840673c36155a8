using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Network;

/// <summary>
/// NET-006: every VPC adopts its default security group and empties it: anything launched without an
/// explicit group then gets no traffic instead of the default group's open intra-group rules.
/// </summary>
public sealed class DefaultSecurityGroupClosed : ResourcePolicy
{
    public override string Id => "NET-006";
    public override string Title => "Default security group closed";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        resource.Type is Tokens.Vpc or Tokens.DefaultSecurityGroup;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (resource.Type == Tokens.DefaultSecurityGroup)
        {
            var rules = Props.List(resource, "ingress").Count + Props.List(resource, "egress").Count;
            if (rules > 0)
                yield return Violation(resource.Name, $"keeps {rules} rule(s) in the VPC's default security group.",
                    "set ingress: [] and egress: [] on the default security group; give resources their own groups.");
            yield break;
        }
        var adopted = context.Blueprint.Resources.Any(r =>
            r.Type == Tokens.DefaultSecurityGroup && Props.RefersTo(Props.Get(r, "vpcId"), resource.Name));
        if (!adopted)
            yield return Violation(resource.Name, "leaves its default security group open (AWS creates it with allow-all rules).",
                $"add an aws:ec2/defaultSecurityGroup:DefaultSecurityGroup with vpcId: ${{{resource.Name}.id}}, ingress: [] and egress: [].");
    }
}

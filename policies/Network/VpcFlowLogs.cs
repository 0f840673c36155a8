using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Network;

/// <summary>NET-005: every VPC has a flow log capturing ALL traffic, so incidents can be reconstructed.</summary>
public sealed class VpcFlowLogs : ResourcePolicy
{
    public override string Id => "NET-005";
    public override string Title => "VPC flow logs on";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => resource.Type == Tokens.Vpc;

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        var logs = context.Blueprint.Resources
            .Where(r => r.Type == Tokens.FlowLog && Props.RefersTo(Props.Get(r, "vpcId"), resource.Name))
            .ToList();
        if (logs.Count == 0)
            yield return Violation(resource.Name, "has no flow log.",
                $"add an aws:ec2/flowLog:FlowLog with vpcId: ${{{resource.Name}.id}} and trafficType: ALL.");
        else if (logs.All(l => Props.String(l, "trafficType") is { } t && t != "ALL"))
            yield return Violation(resource.Name, $"has flow logs that capture only {Props.String(logs[0], "trafficType")} traffic.",
                "set trafficType: ALL, so rejected traffic is recorded too.");
    }
}

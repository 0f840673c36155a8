using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Edge;

/// <summary>EDG-004: the ALB writes access logs to a bucket, the record of who called what.</summary>
public sealed class AccessLogsOn : ResourcePolicy
{
    public override string Id => "EDG-004";
    public override string Title => "ALB access logs on";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) => LoadBalancers.IsApplication(resource);

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (Props.Bool(resource, "accessLogs.enabled") != true || !Props.Has(resource, "accessLogs.bucket"))
            yield return Violation(resource.Name, "writes no access logs.",
                "set accessLogs: {enabled: true, bucket: <the stack's log bucket>, prefix: alb}.");
    }
}

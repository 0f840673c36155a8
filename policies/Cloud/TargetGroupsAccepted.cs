using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-010: target groups have a port and health check ELB accepts (API model ranges for the port,
/// health-check path length, interval, timeout and thresholds; the timeout shorter than the interval)
/// and a deregistration delay of 0-3600 seconds.
/// </summary>
public sealed class TargetGroupsAccepted : ResourcePolicy
{
    public const string TimeoutSource = "Elastic Load Balancing API Reference, CreateTargetGroup, HealthCheckTimeoutSeconds " +
                                        "(must be less than HealthCheckIntervalSeconds)";
    public const string DelaySource = "Elastic Load Balancing API Reference, TargetGroupAttribute, deregistration_delay.timeout_seconds (0-3600)";

    public override string Id => "CLD-010";
    public override string Title => "Target group ports and health checks are within ELB's ranges";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        CreatedResources.Is(resource) && resource.Type is "aws:lb/targetGroup:TargetGroup" or "aws:alb/targetGroup:TargetGroup";

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        foreach (var (path, shape) in new[]
                 {
                     ("port", AwsApiShapes.ElbPort), ("healthCheck.interval", AwsApiShapes.ElbHealthCheckInterval),
                     ("healthCheck.timeout", AwsApiShapes.ElbHealthCheckTimeout), ("healthCheck.healthyThreshold", AwsApiShapes.ElbHealthCheckThreshold),
                     ("healthCheck.unhealthyThreshold", AwsApiShapes.ElbHealthCheckThreshold),
                 })
        {
            var model = AwsApiModel.Get(shape);
            if (Props.Number(Props.Get(resource, path)) is { } value && model.RangeProblem(value) is { } problem)
                yield return Violation(resource.Name, path, $"{problem}: ELB rejects the target group.", model.Source,
                    $"use a value from {model.Min} to {model.Max}.");
        }
        var pathRule = AwsApiModel.Get(AwsApiShapes.ElbHealthCheckPath).Text("health check paths");
        if (Props.String(resource, "healthCheck.path") is { } healthPath && pathRule.Problems(healthPath) is { Count: > 0 } pathProblems)
            yield return Violation(resource.Name, "healthCheck.path", $"'{healthPath}' {string.Join("; and ", pathProblems)}.", pathRule.Source,
                "use a path of 1-1024 characters.");
        if (Props.Number(Props.Get(resource, "healthCheck.interval")) is { } interval &&
            Props.Number(Props.Get(resource, "healthCheck.timeout")) is { } timeout && timeout >= interval)
            yield return Violation(resource.Name, "healthCheck.timeout", $"is {timeout} s, not less than the interval of {interval} s.", TimeoutSource,
                "make the timeout shorter than the interval.");
        if (Props.Number(Props.Get(resource, "deregistrationDelay")) is { } delay && delay is < 0 or > 3600)
            yield return Violation(resource.Name, "deregistrationDelay", $"is {delay} s; ELB accepts 0-3600.", DelaySource, "use 0-3600 seconds.");
    }
}

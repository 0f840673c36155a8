using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-013: a log group's retention is one of the periods CloudWatch Logs accepts (PutRetentionPolicy
/// takes a fixed list of day counts; 0 or unset means never expire).
/// </summary>
public sealed class LogGroupsAccepted : ResourcePolicy
{
    public static readonly IReadOnlyList<int> RetentionDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public const string Source = "Amazon CloudWatch Logs API Reference, PutRetentionPolicy, retentionInDays (possible values)";

    public override string Id => "CLD-013";
    public override string Title => "Log group retention is a period CloudWatch Logs accepts";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        CreatedResources.Is(resource) && resource.Type == "aws:cloudwatch/logGroup:LogGroup";

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        if (Props.Number(Props.Get(resource, "retentionInDays")) is { } days && days != 0 &&
            (days % 1 != 0 || !RetentionDays.Contains((int)days)))
            yield return Violation(resource.Name, "retentionInDays", $"is {days}, not a retention CloudWatch Logs accepts.", Source,
                $"use one of {string.Join(", ", RetentionDays)} (or 0 to keep logs forever).");
    }
}

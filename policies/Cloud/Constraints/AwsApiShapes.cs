using System.Reflection;

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// Every AWS API model shape the cloud-constraint policies use. The extract
/// (<c>Models/aws-api-shapes.json</c>) holds exactly these; a test regenerates it from botocore's
/// models and fails on drift. Add a shape here, then regenerate the extract (see policies/README.md).
/// </summary>
public static class AwsApiShapes
{
    // Elastic Load Balancing v2: tags, listener-rule priority, target-group health checks.
    public static readonly ShapeId ElbTagKey = new("elbv2", "TagKey");
    public static readonly ShapeId ElbTagValue = new("elbv2", "TagValue");
    public static readonly ShapeId ElbRulePriority = new("elbv2", "RulePriority");
    public static readonly ShapeId ElbPort = new("elbv2", "Port");
    public static readonly ShapeId ElbHealthCheckPath = new("elbv2", "Path");
    public static readonly ShapeId ElbHealthCheckInterval = new("elbv2", "HealthCheckIntervalSeconds");
    public static readonly ShapeId ElbHealthCheckTimeout = new("elbv2", "HealthCheckTimeoutSeconds");
    public static readonly ShapeId ElbHealthCheckThreshold = new("elbv2", "HealthCheckThresholdCount");

    // IAM: names, paths, descriptions, tags.
    public static readonly ShapeId IamRoleName = new("iam", "roleNameType");
    public static readonly ShapeId IamInstanceProfileName = new("iam", "instanceProfileNameType");
    public static readonly ShapeId IamPolicyName = new("iam", "policyNameType");
    public static readonly ShapeId IamPath = new("iam", "pathType");
    public static readonly ShapeId IamPolicyPath = new("iam", "policyPathType");
    public static readonly ShapeId IamRoleDescription = new("iam", "roleDescriptionType");
    public static readonly ShapeId IamPolicyDescription = new("iam", "policyDescriptionType");
    public static readonly ShapeId IamTagKey = new("iam", "tagKeyType");
    public static readonly ShapeId IamTagValue = new("iam", "tagValueType");
    public static readonly ShapeId IamTagList = new("iam", "tagListType");

    // CloudWatch Logs.
    public static readonly ShapeId LogGroupName = new("logs", "LogGroupName");
    public static readonly ShapeId LogsTagKey = new("logs", "TagKey");
    public static readonly ShapeId LogsTagValue = new("logs", "TagValue");
    public static readonly ShapeId LogsTags = new("logs", "Tags");

    // Certificate Manager.
    public static readonly ShapeId AcmDomainName = new("acm", "DomainNameString");
    public static readonly ShapeId AcmDomainList = new("acm", "DomainList");
    public static readonly ShapeId AcmTagKey = new("acm", "TagKey");
    public static readonly ShapeId AcmTagValue = new("acm", "TagValue");
    public static readonly ShapeId AcmTagList = new("acm", "TagList");

    // Data Lifecycle Manager.
    public static readonly ShapeId DlmPolicyDescription = new("dlm", "PolicyDescription");
    public static readonly ShapeId DlmScheduleName = new("dlm", "ScheduleName");
    public static readonly ShapeId DlmTagKey = new("dlm", "TagKey");

    // Route 53.
    public static readonly ShapeId Route53Ttl = new("route53", "TTL");
    public static readonly ShapeId Route53RecordValue = new("route53", "RData");

    // EC2: launch templates.
    public static readonly ShapeId Ec2LaunchTemplateName = new("ec2", "LaunchTemplateName");
    public static readonly ShapeId Ec2VersionDescription = new("ec2", "VersionDescription");

    /// <summary>Every shape above, in a stable order (service, then name).</summary>
    public static IReadOnlyList<ShapeId> All { get; } = typeof(AwsApiShapes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ShapeId))
        .Select(f => (ShapeId)f.GetValue(null)!)
        .OrderBy(s => s.Service, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
        .ToList();
}

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// What AWS accepts in tags: the limits every service shares, and the stricter key/value shapes of the
/// services whose API models state them (ELBv2, IAM, CloudWatch Logs, ACM, DLM). EC2, S3 and Route 53
/// models give no pattern, so only the shared limits apply to them.
/// </summary>
public static class AwsTagRules
{
    public const string SharedSource = "Tagging AWS Resources and Tag Editor User Guide, Tag naming limits and requirements";

    /// <summary>User tags per resource, every service (some models state it too: IAM tagListType, ACM TagList, Logs Tags).</summary>
    public const int MaxTags = 50;

    public static readonly TextRule SharedKey = new("AWS tag keys", SharedSource)
    {
        MinLength = 1,
        MaxLength = 128,
        ReservedPrefixes = ["aws:"],
        ReservedIgnoreCase = true,
    };

    public static readonly TextRule SharedValue = new("AWS tag values", SharedSource) { MaxLength = 256 };

    /// <summary>The service-specific key and value rules of a resource type, when its service's model has them.</summary>
    public static (TextRule? Key, TextRule? Value) ForType(string type) => ByType.GetOrAdd(type, Build);

    // One pair per type, so that each rule's remembered answers (TextRule.Problems) serve every resource of the type.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (TextRule?, TextRule?)> ByType = new(StringComparer.Ordinal);

    private static (TextRule? Key, TextRule? Value) Build(string type)
    {
        if (type.StartsWith("aws:lb/", StringComparison.Ordinal) || type.StartsWith("aws:alb/", StringComparison.Ordinal))
            return (Shape(AwsApiShapes.ElbTagKey, "ELBv2 tag keys"), Shape(AwsApiShapes.ElbTagValue, "ELBv2 tag values"));
        if (type.StartsWith("aws:iam/", StringComparison.Ordinal))
            return (Shape(AwsApiShapes.IamTagKey, "IAM tag keys"), Shape(AwsApiShapes.IamTagValue, "IAM tag values"));
        if (type.StartsWith("aws:cloudwatch/logGroup:", StringComparison.Ordinal))
            return (Shape(AwsApiShapes.LogsTagKey, "CloudWatch Logs tag keys"), Shape(AwsApiShapes.LogsTagValue, "CloudWatch Logs tag values"));
        if (type.StartsWith("aws:acm/", StringComparison.Ordinal))
            return (Shape(AwsApiShapes.AcmTagKey, "ACM tag keys"), Shape(AwsApiShapes.AcmTagValue, "ACM tag values"));
        if (type.StartsWith("aws:dlm/", StringComparison.Ordinal))
            return (Shape(AwsApiShapes.DlmTagKey, "DLM tag keys"), null);
        return (null, null);
    }

    private static TextRule Shape(ShapeId id, string what) => AwsApiModel.Get(id).Text(what);
}

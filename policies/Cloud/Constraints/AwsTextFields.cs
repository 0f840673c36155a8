namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// Descriptions and paths AWS checks at create time, per resource type and property path, with their
/// sources: the AWS API models where they state them, the EC2 API reference where they do not.
/// </summary>
public static class AwsTextFields
{
    public sealed record Field(string Type, string Path, TextRule Rule);

    public static readonly TextRule SecurityGroupDescription =
        new("security group descriptions", "Amazon EC2 API Reference, CreateSecurityGroup, Description")
        {
            MaxLength = 255,
            Pattern = AwsNames.SecurityGroupCharacters,
            Allowed = "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*",
        };

    /// <summary>Unlike group descriptions, rule descriptions may not contain '&amp;'.</summary>
    public static readonly TextRule SecurityGroupRuleDescription =
        new("security group rule descriptions", "Amazon EC2 API Reference, IpRange and UserIdGroupPair, Description")
        {
            MaxLength = 255,
            Pattern = @"[a-zA-Z0-9 ._\-:/()#,@\[\]+=;{}!$*]*",
            Allowed = "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=;{}!$*",
        };

    private static TextRule Shape(ShapeId id, string what) => AwsApiModel.Get(id).Text(what);

    public static IReadOnlyList<Field> All { get; } =
    [
        new("aws:ec2/securityGroup:SecurityGroup", "description", SecurityGroupDescription),
        new("aws:ec2/securityGroup:SecurityGroup", "ingress[].description", SecurityGroupRuleDescription),
        new("aws:ec2/securityGroup:SecurityGroup", "egress[].description", SecurityGroupRuleDescription),
        new("aws:ec2/securityGroupRule:SecurityGroupRule", "description", SecurityGroupRuleDescription),
        new("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "description", SecurityGroupRuleDescription),
        new("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "description", SecurityGroupRuleDescription),
        new("aws:iam/role:Role", "description", Shape(AwsApiShapes.IamRoleDescription, "IAM role descriptions")),
        new("aws:iam/role:Role", "path", Shape(AwsApiShapes.IamPath, "IAM paths")),
        new("aws:iam/instanceProfile:InstanceProfile", "path", Shape(AwsApiShapes.IamPath, "IAM paths")),
        new("aws:iam/policy:Policy", "description", Shape(AwsApiShapes.IamPolicyDescription, "IAM policy descriptions")),
        new("aws:iam/policy:Policy", "path", Shape(AwsApiShapes.IamPolicyPath, "IAM policy paths")),
        new("aws:dlm/lifecyclePolicy:LifecyclePolicy", "description", Shape(AwsApiShapes.DlmPolicyDescription, "DLM policy descriptions")),
        new("aws:dlm/lifecyclePolicy:LifecyclePolicy", "policyDetails.schedules[].name", Shape(AwsApiShapes.DlmScheduleName, "DLM schedule names")),
        new("aws:ec2/launchTemplate:LaunchTemplate", "description", Shape(AwsApiShapes.Ec2VersionDescription, "launch template descriptions")),
    ];

    /// <summary>The fields of one resource type, in <see cref="All"/>'s order; empty for a type without any.</summary>
    /// <remarks>Found by type: CLD-003 asks this of every AWS resource.</remarks>
    public static IReadOnlyList<Field> For(string type) => ByType.TryGetValue(type, out var fields) ? fields : [];

    private static readonly Dictionary<string, IReadOnlyList<Field>> ByType =
        All.GroupBy(f => f.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<Field>)g.ToList(), StringComparer.Ordinal);
}

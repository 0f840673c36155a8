namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// The names AWS accepts at create time, per resource type, with their sources: from the AWS API
/// models where they state them, by hand from the API reference where they do not (EC2 and ELB name
/// shapes are plain strings in the models).
/// </summary>
public static class AwsNames
{
    /// <summary>One named resource type: where its name goes and what the API accepts.</summary>
    /// <param name="Property">The name property (<c>name</c>, <c>bucket</c>).</param>
    /// <param name="PrefixProperty">The property the provider completes with a unique suffix, if the type has one.</param>
    public sealed record Spec(string Type, string Property, string? PrefixProperty, TextRule Rule);

    /// <summary>Characters EC2 accepts in security group names and descriptions.</summary>
    public const string SecurityGroupCharacters = @"[a-zA-Z0-9 ._\-:/()#,@\[\]+=&;{}!$*]*";

    public static readonly TextRule SecurityGroupName =
        new("security group names", "Amazon EC2 API Reference, CreateSecurityGroup, GroupName (also error InvalidGroup.Reserved)")
        {
            MinLength = 1,
            MaxLength = 255,
            Pattern = SecurityGroupCharacters,
            Allowed = "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*",
            ReservedPrefixes = ["sg-"],
            ReservedValues = ["default"],
        };

    private const string ElbNameCharacters = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";

    public static readonly TextRule LoadBalancerName =
        new("load balancer names", "Elastic Load Balancing API Reference, CreateLoadBalancer, Name")
        {
            MinLength = 1,
            MaxLength = 32,
            Pattern = ElbNameCharacters,
            Allowed = "letters, digits and hyphens, not starting or ending with a hyphen",
            Characters = "[A-Za-z0-9-]",
            ReservedPrefixes = ["internal-"],
        };

    public static readonly TextRule TargetGroupName =
        new("target group names", "Elastic Load Balancing API Reference, CreateTargetGroup, Name")
        {
            MinLength = 1,
            MaxLength = 32,
            Pattern = ElbNameCharacters,
            Allowed = "letters, digits and hyphens, not starting or ending with a hyphen",
            Characters = "[A-Za-z0-9-]",
        };

    public static readonly TextRule BucketName =
        new("S3 bucket names", "Amazon S3 User Guide, General purpose bucket naming rules")
        {
            MinLength = 3,
            MaxLength = 63,
            Pattern = "[a-z0-9][a-z0-9.-]*[a-z0-9]",
            Allowed = "lower-case letters, digits, periods and hyphens, starting and ending with a letter or digit",
            Characters = "[a-z0-9.-]",
            ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"],
            ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"],
            Forbidden =
            [
                (@"\.\.", "has two adjacent periods, which S3 bucket names may not"),
                (@"^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$", "is formatted as an IP address, which S3 bucket names may not be"),
            ],
        };

    /// <summary>SSM parameter names (the global tier keeps each region's cluster secrets under one path).</summary>
    public static readonly TextRule SsmParameterName =
        new("SSM parameter names", "AWS Systems Manager API Reference, PutParameter, Name; User Guide, Parameter naming requirements")
        {
            MinLength = 1,
            MaxLength = 1011,
            Pattern = "/?[a-zA-Z0-9_.-]+(/[a-zA-Z0-9_.-]+){0,14}",
            Allowed = "letters, digits and _.- in at most 15 levels separated by /",
            Characters = "[a-zA-Z0-9_./-]",
            ReservedPrefixes = ["aws", "ssm", "/aws", "/ssm"],
            ReservedIgnoreCase = true,
        };

    /// <summary>Auto Scaling group names (XmlStringMaxLen255 without ':' in the CLI's documented set; no control characters).</summary>
    public static readonly TextRule AutoScalingGroupName =
        new("Auto Scaling group names", "Amazon EC2 Auto Scaling API Reference, CreateAutoScalingGroup, AutoScalingGroupName")
        {
            MinLength = 1,
            MaxLength = 255,
            Pattern = @"[^\x00-\x1f:]+",
            Allowed = "1 to 255 characters without ':' or control characters",
        };

    public static IReadOnlyList<Spec> Specs { get; } =
    [
        new("aws:ssm/parameter:Parameter", "name", null, SsmParameterName),
        new("aws:autoscaling/group:Group", "name", "namePrefix", AutoScalingGroupName),
        new("aws:ec2/securityGroup:SecurityGroup", "name", "namePrefix", SecurityGroupName),
        new("aws:lb/loadBalancer:LoadBalancer", "name", "namePrefix", LoadBalancerName),
        new("aws:alb/loadBalancer:LoadBalancer", "name", "namePrefix", LoadBalancerName),
        new("aws:lb/targetGroup:TargetGroup", "name", "namePrefix", TargetGroupName),
        new("aws:alb/targetGroup:TargetGroup", "name", "namePrefix", TargetGroupName),
        new("aws:iam/role:Role", "name", "namePrefix", AwsApiModel.Get(AwsApiShapes.IamRoleName).Text("IAM role names")),
        new("aws:iam/instanceProfile:InstanceProfile", "name", "namePrefix",
            AwsApiModel.Get(AwsApiShapes.IamInstanceProfileName).Text("IAM instance profile names")),
        new("aws:iam/rolePolicy:RolePolicy", "name", "namePrefix", AwsApiModel.Get(AwsApiShapes.IamPolicyName).Text("IAM policy names")),
        new("aws:iam/policy:Policy", "name", "namePrefix", AwsApiModel.Get(AwsApiShapes.IamPolicyName).Text("IAM policy names")),
        new("aws:ec2/launchTemplate:LaunchTemplate", "name", "namePrefix",
            AwsApiModel.Get(AwsApiShapes.Ec2LaunchTemplateName).Text("launch template names")),
        new("aws:cloudwatch/logGroup:LogGroup", "name", "namePrefix", AwsApiModel.Get(AwsApiShapes.LogGroupName).Text("log group names")),
        new("aws:s3/bucket:Bucket", "bucket", "bucketPrefix", BucketName),
        new("aws:s3/bucketV2:BucketV2", "bucket", "bucketPrefix", BucketName),
    ];

    /// <summary>The spec of a resource type (the first listed), or null when its names are not checked.</summary>
    public static Spec? For(string type)
    {
        // A loop, not LINQ: CLD-001 asks this of every AWS resource (and a few ordinal compares cost less than a hash).
        for (var i = 0; i < Specs.Count; i++)
            if (Specs[i].Type == type) return Specs[i];
        return null;
    }
}

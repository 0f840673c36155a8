using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Inspection;

/// <summary>
/// Which resources carry tags, and where: AWS resources in a <c>tags</c> map, Docker resources in a
/// <c>labels</c> list of <c>{label, value}</c>. The AWS list is the types the tiers emit; a test keeps
/// it in step with the provider schema. Any other AWS resource that sets <c>tags</c> is checked too.
/// </summary>
public static class Taggable
{
    public static readonly IReadOnlySet<string> AwsTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        Tokens.Vpc, Tokens.Subnet, Tokens.SecurityGroup, Tokens.VpcIngressRule, Tokens.VpcEgressRule,
        Tokens.DefaultSecurityGroup, Tokens.FlowLog, Tokens.Instance, Tokens.LaunchTemplate, Tokens.Eip,
        Tokens.EbsVolume, Tokens.DlmPolicy, Tokens.LoadBalancer, Tokens.Listener, Tokens.BucketV2, Tokens.Bucket,
        Tokens.RdsInstance,
        "aws:ec2/internetGateway:InternetGateway", "aws:ec2/natGateway:NatGateway", "aws:ec2/routeTable:RouteTable",
        "aws:ec2/networkAcl:NetworkAcl", "aws:ec2/vpcEndpoint:VpcEndpoint", "aws:ec2/keyPair:KeyPair",
        "aws:ec2/networkInterface:NetworkInterface", "aws:ec2/placementGroup:PlacementGroup",
        "aws:lb/targetGroup:TargetGroup", "aws:lb/listenerRule:ListenerRule", "aws:acm/certificate:Certificate",
        "aws:iam/role:Role", "aws:iam/instanceProfile:InstanceProfile", "aws:iam/policy:Policy",
        "aws:kms/key:Key", "aws:cloudwatch/logGroup:LogGroup", "aws:secretsmanager/secret:Secret",
        "aws:ssm/parameter:Parameter", "aws:route53/zone:Zone",
    };

    public static readonly IReadOnlySet<string> DockerTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        Tokens.DockerContainer, Tokens.DockerNetwork, Tokens.DockerVolume, "docker:index/secret:Secret",
        "docker:index/serviceConfig:ServiceConfig",
    };

    public static bool Is(Resource resource) =>
        resource.Get is null && !resource.IsProvider &&
        // By package first (each list holds only its package's types): one lookup at most, none for nomad or kubernetes.
        resource.Package switch
        {
            "aws" => AwsTypes.Contains(resource.Type) || Props.Has(resource, "tags"),
            "docker" => DockerTypes.Contains(resource.Type),
            _ => false,
        };

    /// <summary>Where the tags go, for messages: <c>tags</c> or <c>labels</c>.</summary>
    public static string Property(Resource resource) => resource.Package == "docker" ? "labels" : "tags";

    /// <summary>
    /// The resource's effective tags as keys → values (null value when only known at deployment). For
    /// AWS these are the provider's <c>defaultTags</c> overlaid by the resource's own <c>tags</c>, as
    /// the provider applies them (a resource tag with the same key replaces the default).
    /// </summary>
    /// <remarks>Read once per resource: several rules check the tags of every resource.</remarks>
    public static IReadOnlyDictionary<string, string?> Tags(Resource resource) => EffectiveTags.Get(resource);

    private static readonly ResourceMemo<IReadOnlyDictionary<string, string?>> EffectiveTags = new(Read);

    private static IReadOnlyDictionary<string, string?> Read(Resource resource)
    {
        var tags = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (resource.Package == "aws" && resource.Options.Provider is { } provider &&
            Props.Get(provider, "defaultTags.tags") is ObjectExpr defaults)
        {
            foreach (var (key, value) in defaults.Entries) tags[key] = Props.String(value);
        }
        if (resource.Package == "docker")
        {
            foreach (var item in Props.List(resource, "labels").OfType<ObjectExpr>())
                if (Props.String(item["label"]) is { } key) tags[key] = Props.String(item["value"]);
        }
        else if (Props.Get(resource, "tags") is ObjectExpr map)
        {
            foreach (var (key, value) in map.Entries) tags[key] = Props.String(value);
        }
        return tags;
    }
}

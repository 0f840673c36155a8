using System.Text.Json;
using Infra.Policies.Inspection;
using Infra.Tests.Support;

namespace Infra.Tests.Policies;

/// <summary>
/// The type tokens and property names the policies key on exist in the pinned provider schemas
/// (../shared/schemas, beside the repository). Without the schemas these tests fail saying so.
/// </summary>
public sealed class PolicySchemaTests
{
    private static JsonElement Load(string package)
    {
        using var stream = File.OpenRead(SharedSchemas.File($"{package}.json"));
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.Clone();
    }

    private static readonly Lazy<JsonElement> Aws = new(() => Load("aws"));
    private static readonly Lazy<JsonElement> Docker = new(() => Load("docker"));

    private static JsonElement Schema(string token) => token.StartsWith("aws:", StringComparison.Ordinal) ? Aws.Value : Docker.Value;

    private static JsonElement Inputs(string token) =>
        Schema(token).GetProperty("resources").GetProperty(token).GetProperty("inputProperties");

    /// <summary>Follows a dotted path through nested types (<c>$ref</c>) and list items.</summary>
    private static bool HasPath(string token, string path)
    {
        var properties = Inputs(token);
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!properties.TryGetProperty(segments[i], out var spec)) return false;
            if (i == segments.Length - 1) return true;
            if (spec.TryGetProperty("items", out var items)) spec = items;
            if (!spec.TryGetProperty("$ref", out var reference)) return false;
            var type = reference.GetString()!["#/types/".Length..];
            properties = Schema(token).GetProperty("types").GetProperty(type).GetProperty("properties");
        }
        return false;
    }

    public static TheoryData<string, string> PropertiesUsed => new()
    {
        { Tokens.SecurityGroup, "ingress" }, { Tokens.SecurityGroup, "egress" },
        { Tokens.SecurityGroupRule, "cidrBlocks" }, { Tokens.SecurityGroupRule, "ipv6CidrBlocks" }, { Tokens.SecurityGroupRule, "securityGroupId" },
        { Tokens.SecurityGroupRule, "type" }, { Tokens.SecurityGroupRule, "protocol" }, { Tokens.SecurityGroupRule, "fromPort" },
        { Tokens.VpcIngressRule, "cidrIpv4" }, { Tokens.VpcIngressRule, "cidrIpv6" }, { Tokens.VpcIngressRule, "ipProtocol" },
        { Tokens.VpcEgressRule, "securityGroupId" }, { Tokens.DefaultSecurityGroup, "vpcId" }, { Tokens.FlowLog, "vpcId" },
        { Tokens.FlowLog, "trafficType" }, { Tokens.Subnet, "mapPublicIpOnLaunch" },
        { Tokens.Instance, "metadataOptions" }, { Tokens.Instance, "rootBlockDevice" }, { Tokens.Instance, "ebsBlockDevices" },
        { Tokens.Instance, "associatePublicIpAddress" }, { Tokens.Instance, "instanceType" }, { Tokens.Instance, "subnetId" },
        { Tokens.Instance, "userData" }, { Tokens.Instance, "userDataBase64" },
        { Tokens.LaunchTemplate, "metadataOptions" }, { Tokens.LaunchTemplate, "blockDeviceMappings" },
        { Tokens.LaunchTemplate, "networkInterfaces" }, { Tokens.LaunchTemplate, "instanceType" }, { Tokens.LaunchTemplate, "userData" },
        { Tokens.Eip, "instance" }, { Tokens.EbsVolume, "encrypted" }, { Tokens.DlmPolicy, "policyDetails" }, { Tokens.DlmPolicy, "state" },
        { Tokens.LoadBalancer, "dropInvalidHeaderFields" }, { Tokens.LoadBalancer, "accessLogs" },
        { Tokens.LoadBalancer, "enableDeletionProtection" }, { Tokens.LoadBalancer, "loadBalancerType" },
        { Tokens.Listener, "sslPolicy" }, { Tokens.Listener, "certificateArn" }, { Tokens.Listener, "defaultActions" },
        { Tokens.Listener, "protocol" }, { Tokens.Listener, "loadBalancerArn" },
        { Tokens.BucketV2, "serverSideEncryptionConfigurations" }, { Tokens.Bucket, "serverSideEncryptionConfiguration" },
        { Tokens.BucketV2, "acl" }, { Tokens.BucketPublicAccessBlock, "bucket" }, { Tokens.BucketPublicAccessBlock, "restrictPublicBuckets" },
        { Tokens.BucketEncryptionV2, "rules" }, { Tokens.BucketEncryption, "bucket" }, { Tokens.RdsInstance, "password" },
        { Tokens.DockerContainer, "envs" }, { Tokens.DockerContainer, "command" }, { Tokens.DockerContainer, "entrypoints" },
        { Tokens.DockerContainer, "restart" }, { Tokens.DockerContainer, "healthcheck" }, { Tokens.DockerContainer, "privileged" },
        { Tokens.DockerContainer, "memory" }, { Tokens.DockerContainer, "ports" }, { Tokens.DockerContainer, "image" },
        { Tokens.DockerRemoteImage, "name" },
        // Nested paths, through the provider's object types and list items.
        { Tokens.SecurityGroup, "ingress.cidrBlocks" }, { Tokens.SecurityGroup, "ingress.ipv6CidrBlocks" },
        { Tokens.SecurityGroup, "ingress.protocol" }, { Tokens.SecurityGroup, "ingress.fromPort" }, { Tokens.SecurityGroup, "egress.toPort" },
        { Tokens.DefaultSecurityGroup, "ingress.protocol" },
        { Tokens.Instance, "metadataOptions.httpTokens" }, { Tokens.Instance, "metadataOptions.httpPutResponseHopLimit" },
        { Tokens.Instance, "metadataOptions.httpEndpoint" }, { Tokens.Instance, "rootBlockDevice.encrypted" },
        { Tokens.Instance, "ebsBlockDevices.encrypted" }, { Tokens.Instance, "launchTemplate.id" },
        { Tokens.LaunchTemplate, "metadataOptions.httpTokens" }, { Tokens.LaunchTemplate, "metadataOptions.httpPutResponseHopLimit" },
        { Tokens.LaunchTemplate, "blockDeviceMappings.ebs.encrypted" }, { Tokens.LaunchTemplate, "networkInterfaces.associatePublicIpAddress" },
        { Tokens.LaunchTemplate, "networkInterfaces.subnetId" },
        { Tokens.LoadBalancer, "accessLogs.enabled" }, { Tokens.LoadBalancer, "accessLogs.bucket" },
        { Tokens.Listener, "defaultActions.type" }, { Tokens.Listener, "defaultActions.redirect.protocol" },
        { Tokens.DlmPolicy, "policyDetails.targetTags" }, { Tokens.BucketV2, "serverSideEncryptionConfigurations.rules" },
        { Tokens.DockerContainer, "healthcheck.tests" }, { Tokens.DockerContainer, "ports.ip" }, { Tokens.DockerContainer, "ports.external" },
        { Tokens.DockerContainer, "labels.label" }, { Tokens.DockerContainer, "labels.value" }, { Tokens.DockerNetwork, "labels" },
        { Tokens.DockerVolume, "labels" },
    };

    [Theory]
    [MemberData(nameof(PropertiesUsed))]
    public void Policies_read_real_properties(string token, string property) =>
        Assert.True(HasPath(token, property), $"{token} has no input '{property}' in the schema.");

    [Fact]
    public void The_path_check_rejects_misspelt_and_too_deep_paths()
    {
        Assert.False(HasPath(Tokens.Instance, "metadataOptions.httpToken"));
        Assert.False(HasPath(Tokens.Instance, "instanceType.family"));
        Assert.False(HasPath(Tokens.DockerContainer, "healthCheck"));
    }

    [Fact]
    public void Every_type_listed_as_taggable_carries_tags_or_labels()
    {
        foreach (var token in Taggable.AwsTypes)
            Assert.True(Aws.Value.GetProperty("resources").TryGetProperty(token, out var resource) && resource.GetProperty("inputProperties").TryGetProperty("tags", out _),
                $"{token} is listed as taggable but has no 'tags' input.");
        foreach (var token in Taggable.DockerTypes)
            Assert.True(Docker.Value.GetProperty("resources").TryGetProperty(token, out var resource) && resource.GetProperty("inputProperties").TryGetProperty("labels", out _),
                $"{token} is listed as taggable but has no 'labels' input.");
    }
}

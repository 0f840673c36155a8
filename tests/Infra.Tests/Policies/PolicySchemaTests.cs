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
    private static JsonElement Resources(string package)
    {
        using var stream = File.OpenRead(SharedSchemas.File($"{package}.json"));
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.GetProperty("resources").Clone();
    }

    private static readonly Lazy<JsonElement> Aws = new(() => Resources("aws"));
    private static readonly Lazy<JsonElement> Docker = new(() => Resources("docker"));

    private static JsonElement Inputs(string token) =>
        (token.StartsWith("aws:", StringComparison.Ordinal) ? Aws.Value : Docker.Value)
        .GetProperty(token).GetProperty("inputProperties");

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
    };

    [Theory]
    [MemberData(nameof(PropertiesUsed))]
    public void Policies_read_real_properties(string token, string property) =>
        Assert.True(Inputs(token).TryGetProperty(property, out _), $"{token} has no input '{property}' in the schema.");

    [Fact]
    public void Every_type_listed_as_taggable_carries_tags_or_labels()
    {
        foreach (var token in Taggable.AwsTypes)
            Assert.True(Aws.Value.TryGetProperty(token, out var resource) && resource.GetProperty("inputProperties").TryGetProperty("tags", out _),
                $"{token} is listed as taggable but has no 'tags' input.");
        foreach (var token in Taggable.DockerTypes)
            Assert.True(Docker.Value.TryGetProperty(token, out var resource) && resource.GetProperty("inputProperties").TryGetProperty("labels", out _),
                $"{token} is listed as taggable but has no 'labels' input.");
    }
}

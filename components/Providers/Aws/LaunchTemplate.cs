using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ec2/launchTemplate:LaunchTemplate</c>.</summary>
public sealed class LaunchTemplate(Scope scope, string id, LaunchTemplateArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/launchTemplate:LaunchTemplate";
    public Output<int> LatestVersion => Output<int>("latestVersion");
}

public sealed class LaunchTemplateArgs : Args
{
    public Input<string>? Description { get; init; }
    public required Input<string> ImageId { get; init; }
    public required Input<string> InstanceType { get; init; }
    public Input<string>? KeyName { get; init; }
    public IReadOnlyList<Input<string>>? VpcSecurityGroupIds { get; init; }
    public LaunchTemplateIamInstanceProfile? IamInstanceProfile { get; init; }
    public InstanceMetadataOptions? MetadataOptions { get; init; }
    public IReadOnlyList<LaunchTemplateBlockDeviceMapping>? BlockDeviceMappings { get; init; }
    public LaunchTemplateMonitoring? Monitoring { get; init; }
    public Input<bool>? EbsOptimized { get; init; }
    public Input<bool>? UpdateDefaultVersion { get; init; }
    public IReadOnlyList<LaunchTemplateTagSpecification>? TagSpecifications { get; init; }
    /// <summary>Base64-encoded user-data (EC2 wants it encoded here, unlike an instance's <c>userData</c>).</summary>
    public Input<string>? UserData { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed class LaunchTemplateIamInstanceProfile : Args
{
    public required Input<string> Arn { get; init; }
}

public sealed class LaunchTemplateBlockDeviceMapping : Args
{
    public required Input<string> DeviceName { get; init; }
    public required LaunchTemplateEbs Ebs { get; init; }
}

/// <summary>The schema types <c>encrypted</c> and <c>deleteOnTermination</c> as strings here ("true").</summary>
public sealed class LaunchTemplateEbs : Args
{
    public Input<string>? Encrypted { get; init; }
    public Input<string>? DeleteOnTermination { get; init; }
    public Input<string>? VolumeType { get; init; }
    public Input<int>? VolumeSize { get; init; }
}

public sealed class LaunchTemplateMonitoring : Args
{
    public required Input<bool> Enabled { get; init; }
}

public sealed class LaunchTemplateTagSpecification : Args
{
    public required Input<string> ResourceType { get; init; }
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

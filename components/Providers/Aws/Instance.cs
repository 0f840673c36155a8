using Infra.Synthesis;

namespace Infra.Providers.Aws;

/// <summary><c>aws:ec2/instance:Instance</c>.</summary>
public sealed class Instance(Scope scope, string id, InstanceArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "aws:ec2/instance:Instance";
    public Output<string> PublicIp => Output<string>("publicIp");
    public Output<string> PrivateIp => Output<string>("privateIp");
}

public sealed class InstanceArgs : Args
{
    public Input<string>? Ami { get; init; }
    public Input<string>? InstanceType { get; init; }
    public InstanceLaunchTemplate? LaunchTemplate { get; init; }
    public required Input<string> SubnetId { get; init; }
    public Input<string>? PrivateIp { get; init; }
    public IReadOnlyList<Input<string>>? VpcSecurityGroupIds { get; init; }
    public Input<string>? IamInstanceProfile { get; init; }
    public Input<bool>? AssociatePublicIpAddress { get; init; }
    public Input<string>? KeyName { get; init; }
    public InstanceMetadataOptions? MetadataOptions { get; init; }
    public InstanceRootBlockDevice? RootBlockDevice { get; init; }
    public Input<bool>? Monitoring { get; init; }
    public Input<bool>? DisableApiTermination { get; init; }
    /// <summary>Plain user-data; the provider base64-encodes it.</summary>
    public Input<string>? UserData { get; init; }
    /// <summary>Pre-encoded (e.g. gzipped) user-data.</summary>
    public Input<string>? UserDataBase64 { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed class InstanceLaunchTemplate : Args
{
    public required Input<string> Id { get; init; }
    public Input<string>? Version { get; init; }
}

/// <summary>IMDS settings; shared shape of instances and launch templates.</summary>
public sealed class InstanceMetadataOptions : Args
{
    public Input<string>? HttpEndpoint { get; init; }
    public Input<string>? HttpTokens { get; init; }
    public Input<int>? HttpPutResponseHopLimit { get; init; }

    /// <summary>IMDSv2 only, and a hop limit of 1 so containers on the host cannot reach the credentials.</summary>
    public static InstanceMetadataOptions V2Only => new() { HttpEndpoint = "enabled", HttpTokens = "required", HttpPutResponseHopLimit = 1 };
}

public sealed class InstanceRootBlockDevice : Args
{
    public Input<bool>? Encrypted { get; init; }
    public Input<string>? VolumeType { get; init; }
    public Input<int>? VolumeSize { get; init; }
    public Input<bool>? DeleteOnTermination { get; init; }
}

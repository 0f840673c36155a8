using Infra.Synthesis;

namespace Infra.Providers.Docker;

/// <summary><c>docker:index/remoteImage:RemoteImage</c>: pulls an image so containers start from a known digest.</summary>
public sealed class RemoteImage(Scope scope, string id, RemoteImageArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "docker:index/remoteImage:RemoteImage";

    /// <summary>The pulled image's ID (<c>sha256:...</c>), what containers should run.</summary>
    public Output<string> ImageId => Output<string>("imageId");

    public Output<string> RepoDigest => Output<string>("repoDigest");
}

public sealed class RemoteImageArgs : Args
{
    public required Input<string> Name { get; init; }
    /// <summary>Keep the image on the engine when the stack is destroyed (faster weekday spin-up).</summary>
    public Input<bool>? KeepLocally { get; init; }
    public Input<string>? Platform { get; init; }
    /// <summary>Builds the image on the engine (a remote one over SSH too) instead of pulling it.</summary>
    public RemoteImageBuild? Build { get; init; }
}

/// <summary>A build from a Dockerfile; <see cref="Context"/> is a folder on the machine that runs Pulumi.</summary>
public sealed class RemoteImageBuild : Args
{
    public required Input<string> Context { get; init; }
    public Input<string>? Dockerfile { get; init; }
    public IReadOnlyDictionary<string, string>? BuildArgs { get; init; }
    public IReadOnlyList<Input<string>>? Tags { get; init; }
}

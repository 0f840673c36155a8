using Infra.Synthesis;

namespace Infra.Providers.Command;

/// <summary>
/// <c>command:remote:Command</c>: a command run over SSH when the resource is created (and again when
/// its <c>create</c> text changes); a non-zero exit fails the deployment with the command's stderr.
/// </summary>
public sealed class RemoteCommand(Scope scope, string id, RemoteCommandArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "command:remote:Command";

    public Output<string> Stdout => Output<string>("stdout");
}

public sealed class RemoteCommandArgs : Args
{
    public required RemoteConnection Connection { get; init; }
    public required Input<string> Create { get; init; }
    /// <summary>Standard input of the command.</summary>
    public Input<string>? Stdin { get; init; }
    public Input<string>? Delete { get; init; }
    public Input<string>? Update { get; init; }
}

/// <summary>
/// How to reach the host. Without a password or private key the provider authenticates through the SSH
/// agent (<c>SSH_AUTH_SOCK</c>), the same keys the Docker provider's <c>ssh://</c> connection uses.
/// </summary>
public sealed class RemoteConnection : Args
{
    public required Input<string> Host { get; init; }
    public Input<int>? Port { get; init; }
    public Input<string>? User { get; init; }
    /// <summary>Seconds per dial attempt.</summary>
    public Input<int>? PerDialTimeout { get; init; }
    /// <summary>Dial attempts before the command fails (-1: no limit).</summary>
    public Input<int>? DialErrorLimit { get; init; }
}

using Infra.Synthesis;

namespace Infra.Providers.Docker;

/// <summary><c>pulumi:providers:docker</c>: a Docker engine, local (default) or remote over SSH.</summary>
public sealed class DockerProvider(Scope scope, string id, DockerProviderArgs? args = null, ResourceOptions? options = null)
    : ProviderResource(scope, id, "docker", PinnedProviders.Docker, args, options);

public sealed class DockerProviderArgs : Args
{
    /// <summary>The engine address: <c>unix:///var/run/docker.sock</c>, <c>ssh://user@host</c>. Unset: DOCKER_HOST or the local socket.</summary>
    public Input<string>? Host { get; init; }
    public IReadOnlyList<string>? SshOpts { get; init; }
}

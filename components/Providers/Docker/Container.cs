using Infra.Synthesis;

namespace Infra.Providers.Docker;

/// <summary><c>docker:index/container:Container</c>: one running container.</summary>
public sealed class Container(Scope scope, string id, ContainerArgs args, ResourceOptions? options = null)
    : Resource(scope, id, Token, args, options)
{
    public const string Token = "docker:index/container:Container";

    public Output<string> ContainerName => Output<string>("name");
}

public sealed class ContainerArgs : Args
{
    public required Input<string> Image { get; init; }
    public Input<string>? Name { get; init; }
    public Input<string>? Hostname { get; init; }
    public IReadOnlyList<Input<string>>? Entrypoints { get; init; }
    public IReadOnlyList<Input<string>>? Command { get; init; }
    /// <summary><c>NAME=value</c> pairs.</summary>
    public IReadOnlyList<Input<string>>? Envs { get; init; }
    public IReadOnlyList<ContainerPort>? Ports { get; init; }
    public IReadOnlyList<ContainerNetwork>? NetworksAdvanced { get; init; }
    /// <summary><c>host</c> shares the host's network stack: the service binds the host's own address.</summary>
    public Input<string>? NetworkMode { get; init; }
    public IReadOnlyList<ContainerVolume>? Volumes { get; init; }
    public IReadOnlyList<ContainerUpload>? Uploads { get; init; }
    public ContainerHealthcheck? Healthcheck { get; init; }
    /// <summary><c>no</c>, <c>on-failure</c>, <c>always</c> or <c>unless-stopped</c>.</summary>
    public Input<string>? Restart { get; init; }
    public Input<bool>? MustRun { get; init; }
    /// <summary>Wait for the container to be healthy before the resource counts as created.</summary>
    public Input<bool>? Wait { get; init; }
    public Input<int>? WaitTimeout { get; init; }
    public Input<int>? StopTimeout { get; init; }
    /// <summary>Memory limit in MiB; the container is killed and restarted if it goes over.</summary>
    public Input<int>? Memory { get; init; }
    public Input<string>? User { get; init; }
    public Input<bool>? ReadOnly { get; init; }
    public IReadOnlyDictionary<string, string>? Tmpfs { get; init; }
    public Input<string>? LogDriver { get; init; }
    public IReadOnlyDictionary<string, string>? LogOpts { get; init; }
    public IReadOnlyList<Label>? Labels { get; init; }
}

public sealed class ContainerPort : Args
{
    public required Input<int> Internal { get; init; }
    public Input<int>? External { get; init; }
    /// <summary>Host address to publish on; <c>127.0.0.1</c> keeps a port off the LAN.</summary>
    public Input<string>? Ip { get; init; }
    public Input<string>? Protocol { get; init; }
}

public sealed class ContainerNetwork : Args
{
    public required Input<string> Name { get; init; }
    public IReadOnlyList<Input<string>>? Aliases { get; init; }
}

public sealed class ContainerVolume : Args
{
    public Input<string>? VolumeName { get; init; }
    public Input<string>? HostPath { get; init; }
    public required Input<string> ContainerPath { get; init; }
    public Input<bool>? ReadOnly { get; init; }
}

/// <summary>A file written into the container before it starts (configuration, init scripts).</summary>
public sealed class ContainerUpload : Args
{
    public required Input<string> File { get; init; }
    public Input<string>? Content { get; init; }
    public Input<bool>? Executable { get; init; }
}

public sealed class ContainerHealthcheck : Args
{
    /// <summary>The probe, Docker style: <c>["CMD", "pg_isready"]</c> or <c>["CMD-SHELL", "..."]</c>.</summary>
    public required IReadOnlyList<Input<string>> Tests { get; init; }
    public Input<string>? Interval { get; init; }
    public Input<string>? Timeout { get; init; }
    public Input<string>? StartPeriod { get; init; }
    public Input<int>? Retries { get; init; }
}

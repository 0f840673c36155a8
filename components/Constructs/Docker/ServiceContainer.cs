using Infra.Synthesis;
using static Infra.Providers.Generated.Docker;

namespace Infra.Constructs.Docker;

/// <summary>What runs in a <see cref="ServiceContainer"/>; everything else is the same for every long-running container.</summary>
public sealed record ServiceContainerProps
{
    /// <summary>The image to run: a pulled or built <c>RemoteImage</c>'s id.</summary>
    public required Input<string> Image { get; init; }
    /// <summary>The container's name on its engine.</summary>
    public required Input<string> Name { get; init; }
    public Input<string>? Hostname { get; init; }
    public IReadOnlyList<Input<string>>? Entrypoint { get; init; }
    public IReadOnlyList<Input<string>>? Command { get; init; }
    /// <summary><c>NAME=value</c> pairs.</summary>
    public IReadOnlyList<Input<string>>? Environment { get; init; }
    public IReadOnlyList<ContainerPort>? Ports { get; init; }
    public IReadOnlyList<ContainerNetworksAdvanced>? Networks { get; init; }
    /// <summary>Share the host's network stack (the service binds the host's addresses).</summary>
    public bool HostNetwork { get; init; }
    public IReadOnlyList<ContainerVolume>? Volumes { get; init; }
    public IReadOnlyList<ContainerUpload>? Uploads { get; init; }
    /// <summary>Every long-running container says when it is healthy.</summary>
    public required ContainerHealthcheck HealthCheck { get; init; }
    /// <summary>Seconds to wait for healthy before the deployment goes on; null does not wait.</summary>
    public int? WaitHealthySeconds { get; init; }
    /// <summary>Seconds Docker gives the process to stop cleanly.</summary>
    public int? StopTimeoutSeconds { get; init; }
    /// <summary>Memory limit in MiB; null leaves the container unlimited.</summary>
    public int? MemoryMb { get; init; }
    public Input<string>? User { get; init; }
}

/// <summary>
/// One long-running service container, the way every container tier runs them: restarted unless stopped,
/// labelled with the stack's tags (from the tree), with a health check and optionally waited for. Created in
/// the owning component under <c>id</c> (not a component of its own), so names and URNs are the owner's parts.
/// </summary>
public sealed class ServiceContainer
{
    public Container Container { get; }

    public ServiceContainer(Scope owner, string id, ServiceContainerProps props, ResourceOptions? options = null)
    {
        var stack = StackContext.Of(owner);
        Container = new Container(owner, id, new ContainerArgs
        {
            Image = props.Image,
            Name = props.Name,
            Hostname = props.Hostname,
            Entrypoints = props.Entrypoint,
            Command = props.Command,
            Envs = props.Environment,
            Ports = props.Ports,
            NetworksAdvanced = props.Networks,
            NetworkMode = props.HostNetwork ? (Input<string>)"host" : null,
            Volumes = props.Volumes,
            Uploads = props.Uploads,
            Healthcheck = props.HealthCheck,
            Restart = RestartPolicy.UnlessStopped,
            Wait = props.WaitHealthySeconds is null ? null : (Input<bool>)true,
            WaitTimeout = props.WaitHealthySeconds,
            StopTimeout = props.StopTimeoutSeconds,
            Memory = props.MemoryMb,
            User = props.User,
            Labels = ContainerLabel.From(stack.Tags),
        }, options);
    }
}

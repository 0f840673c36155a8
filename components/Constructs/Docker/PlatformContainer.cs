using Infra.Platform;
using Infra.Platform.Binary;
using Infra.Platform.Placement;
using Infra.Synthesis;
using static Infra.Providers.Generated.Docker;

namespace Infra.Constructs.Docker;

public sealed record PlatformContainerProps
{
    public required StackIdentity Stack { get; init; }
    public required Server Server { get; init; }
    public required string Image { get; init; }
    /// <summary>Replaces the image's entrypoint; the binary's flags follow as the command.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public required IReadOnlyList<string> HealthCheck { get; init; }
    /// <summary>How the binary reaches its databases (the plain <c>PLATFORM_DB_*</c> settings).</summary>
    public required BinaryDatabase Database { get; init; }
    /// <summary>The secret settings (<c>NAME=value</c> with the value a reference), only ever as <c>fn::secret</c>.</summary>
    public required IReadOnlyList<Input<string>> SecretEnvironment { get; init; }
    /// <summary>A private Docker network; null runs on the host's network (its ports are the host's).</summary>
    public Network? Network { get; init; }
    /// <summary>The engine to run on; null uses the scope's Docker provider.</summary>
    public DockerProvider? Docker { get; init; }
    /// <summary>The container's name on its engine; default: the stack's physical name for the component id.</summary>
    public string? ContainerName { get; init; }
    public IReadOnlyList<string> Peers { get; init; } = [];
    public string? OtlpEndpoint { get; init; }
    /// <summary>Host ports to publish the HTTP and bus ports on (private network only); null keeps a port private.</summary>
    public int? HttpHostPort { get; init; }
    public int? BusHostPort { get; init; }
    /// <summary>Host address the ports are published on.</summary>
    public string PublishAddress { get; init; } = "127.0.0.1";
    /// <summary>Memory limit in MiB; null leaves the container unlimited.</summary>
    public int? MemoryMb { get; init; }
    public IReadOnlyList<Resource> DependsOn { get; init; } = [];
}

/// <summary>
/// The platform binary in a container, the same in every container tier: its flags and environment
/// rendered through the binary's one interface (<see cref="PlatformBinary"/>, <see cref="BinaryLaunch"/>):
/// its Services explicitly (flag and environment), its peers, its DB settings per Service, routes, log and
/// telemetry settings; with a health check and a restart policy. Stateless: it has no volume.
/// </summary>
public sealed class PlatformContainer : Component
{
    public Container Container { get; }

    public PlatformContainer(Scope scope, string id, PlatformContainerProps props) : base(scope, id)
    {
        if (props.Docker is { } docker) UseProvider(docker);
        var stack = props.Stack;
        var image = new RemoteImage(this, "image", new RemoteImageArgs { Name = props.Image, KeepLocally = true });

        var launch = BinaryLaunch.ForServer(props.Server, stack.Settings, props.Peers, props.OtlpEndpoint, props.Database).Render();
        var env = launch.Environment
            .Select(e => (Input<string>)$"{e.Key}={e.Value}")
            .Concat(props.SecretEnvironment)
            .ToList();

        var ports = new List<ContainerPort>();
        if (props.Network is not null && props.HttpHostPort is { } http)
            ports.Add(new ContainerPort { Internal = PlatformBinary.HttpPort, External = http, Ip = props.PublishAddress });
        if (props.Network is not null && props.BusHostPort is { } bus)
            ports.Add(new ContainerPort { Internal = PlatformBinary.BusPort, External = bus, Ip = props.PublishAddress });

        Container = new Container(this, "server", new ContainerArgs
        {
            Image = image.ImageId,
            Name = props.ContainerName ?? stack.PhysicalName(id),
            // Docker refuses a hostname together with the host's network (the host's name applies).
            Hostname = props.Network is null ? null : (Input<string>)props.Server.Name,
            Entrypoints = props.Entrypoint?.Select(e => (Input<string>)e).ToList(),
            Command = launch.Flags.Select(f => (Input<string>)f).ToList(),
            Envs = env,
            Ports = ports.Count > 0 ? ports : null,
            NetworksAdvanced = props.Network is { } network
                ? [new ContainerNetworksAdvanced { Name = network.NetworkName, Aliases = [id] }]
                : null,
            NetworkMode = props.Network is null ? (Input<string>)"host" : null,
            Healthcheck = new ContainerHealthcheck
            {
                Tests = props.HealthCheck.Select(t => (Input<string>)t).ToList(),
                Interval = "10s",
                Timeout = "3s",
                StartPeriod = "15s",
                Retries = 5,
            },
            Restart = "unless-stopped",
            Wait = true,
            WaitTimeout = 120,
            Memory = props.MemoryMb,
            Labels = ContainerLabel.From(stack.Tags),
        }, new ResourceOptions { DependsOn = props.DependsOn });
        // The container is the component; its image is its part.
        DeclareAnchor(Container);
    }
}

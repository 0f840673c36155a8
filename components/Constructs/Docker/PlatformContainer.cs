using Infra.Platform;
using Infra.Platform.Placement;
using Infra.Providers.Docker;
using Infra.Synthesis;

namespace Infra.Constructs.Docker;

public sealed record PlatformContainerProps
{
    public required StackIdentity Stack { get; init; }
    public required Server Server { get; init; }
    public required Network Network { get; init; }
    public required string Image { get; init; }
    /// <summary>Replaces the image's entrypoint; the binary's flags follow as the command.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public required IReadOnlyList<string> HealthCheck { get; init; }
    public required PostgresServer Database { get; init; }
    public IReadOnlyList<string> Peers { get; init; } = [];
    public string? OtlpEndpoint { get; init; }
    /// <summary>Host ports to publish the HTTP and bus ports on; null keeps a port private.</summary>
    public int? HttpHostPort { get; init; }
    public int? BusHostPort { get; init; }
    /// <summary>Memory limit in MiB; null leaves the container unlimited.</summary>
    public int? MemoryMb { get; init; }
    /// <summary>Host address the ports are published on.</summary>
    public string PublishAddress { get; init; } = "127.0.0.1";
}

/// <summary>
/// The platform binary in a container, told its Services explicitly (flag and environment), with
/// its DB connection settings per Service, a health check and a restart policy.
/// </summary>
public sealed class PlatformContainer : Component
{
    public Container Container { get; }

    public PlatformContainer(Scope scope, string id, PlatformContainerProps props) : base(scope, id)
    {
        var stack = props.Stack;
        var db = props.Database;
        var image = new RemoteImage(this, "image", new RemoteImageArgs { Name = props.Image, KeepLocally = true });

        var env = PlatformBinary.Environment(props.Server, stack.Settings, props.Peers, props.OtlpEndpoint)
            .Select(e => (Input<string>)$"{e.Key}={e.Value}")
            .Concat(
            [
                $"PLATFORM_DB_HOST={db.Props.Alias}",
                $"PLATFORM_DB_PORT={PostgresServer.Port}",
                $"PLATFORM_DB_USER={db.Props.User}",
                "PLATFORM_DB_SSLMODE=disable",
                Fn.Secret(Text.Interpolate($"PLATFORM_DB_PASSWORD={db.Password.Result}")),
            ])
            .Concat(props.Server.Services.Services.Select(s =>
                (Input<string>)$"{PlatformBinary.DatabaseVariable(s.Name)}={s.Database}"))
            .ToList();

        var ports = new List<ContainerPort>();
        if (props.HttpHostPort is { } http)
            ports.Add(new ContainerPort { Internal = PlatformBinary.HttpPort, External = http, Ip = props.PublishAddress });
        if (props.BusHostPort is { } bus)
            ports.Add(new ContainerPort { Internal = PlatformBinary.BusPort, External = bus, Ip = props.PublishAddress });

        Container = new Container(this, "server", new ContainerArgs
        {
            Image = image.ImageId,
            Name = stack.PhysicalName(id),
            Hostname = props.Server.Name,
            Entrypoints = props.Entrypoint?.Select(e => (Input<string>)e).ToList(),
            Command = PlatformBinary.Flags(props.Server).Select(f => (Input<string>)f).ToList(),
            Envs = env,
            Ports = ports.Count > 0 ? ports : null,
            NetworksAdvanced = [new ContainerNetwork { Name = props.Network.NetworkName, Aliases = [id] }],
            Healthcheck = new ContainerHealthcheck
            {
                Tests = props.HealthCheck.Select(t => (Input<string>)t).ToList(),
                Interval = "10s",
                Timeout = "3s",
                StartPeriod = "15s",
                Retries = 5,
            },
            Memory = props.MemoryMb,
            Restart = "unless-stopped",
            Wait = true,
            WaitTimeout = 120,
            Labels = Label.From(stack.Tags),
        }, new ResourceOptions { DependsOn = [db.Server] });
    }
}

using Infra.Platform;
using Infra.Platform.Database;
using Infra.Platform.Placement;
using Infra.Providers.Docker;
using Infra.Synthesis;

namespace Infra.Constructs.OnPrem;

public sealed record ClusterAppContainerProps
{
    /// <summary>The host's Docker engine; every resource of the component uses it.</summary>
    public required DockerProvider Docker { get; init; }
    public required StackIdentity Stack { get; init; }
    /// <summary>This host's server (its Services and fixed address).</summary>
    public required Server Server { get; init; }
    /// <summary>The other servers' bus endpoints (<c>address:port</c>).</summary>
    public required IReadOnlyList<string> Peers { get; init; }
    public required string Image { get; init; }
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public required IReadOnlyList<string> HealthCheck { get; init; }
    /// <summary>Every member's PostgreSQL endpoint host, in order (libpq tries them in turn).</summary>
    public required IReadOnlyList<string> DbHosts { get; init; }
    public required int DbPort { get; init; }
    public required string DbUser { get; init; }
    /// <summary>The app's password, a placeholder that <see cref="Secrets"/> binds.</summary>
    public required Credential DbPassword { get; init; }
    /// <summary>Per Service: the generated multi-host connection string to its database (with placeholders).</summary>
    public required IReadOnlyDictionary<string, string> ConnectionStrings { get; init; }
    public required SecretBindings Secrets { get; init; }
    public IReadOnlyList<Resource> DependsOn { get; init; } = [];
}

/// <summary>
/// The platform binary on one host of a cluster: every Service, peers on the other hosts, the host's
/// network (HTTP and bus ports bound on the host, reachable from the peers). Stateless: no volume;
/// everything it needs to survive a host loss lives in the replicated database.
/// </summary>
public sealed class ClusterAppContainer : Component
{
    public Container Container { get; }

    public ClusterAppContainer(Scope scope, string id, ClusterAppContainerProps props) : base(scope, id)
    {
        UseProvider(props.Docker);
        var stack = props.Stack;
        var image = new RemoteImage(this, "image", new RemoteImageArgs { Name = props.Image, KeepLocally = true });
        var env = PlatformBinary.Environment(props.Server, stack.Settings, props.Peers, otlpEndpoint: null)
            .Select(e => (Input<string>)$"{e.Key}={e.Value}")
            .Concat(
            [
                // libpq and pgx accept host lists: the session lands on whichever member accepts writes.
                $"PLATFORM_DB_HOST={string.Join(",", props.DbHosts)}",
                $"PLATFORM_DB_PORT={props.DbPort}",
                $"PLATFORM_DB_USER={props.DbUser}",
                "PLATFORM_DB_TARGET_SESSION_ATTRS=read-write",
                props.Secrets.Render($"PLATFORM_DB_PASSWORD={SecretTemplate.Token(props.DbPassword.PlaceholderKey!)}"),
            ])
            .Concat(props.Server.Services.Services.SelectMany(s => new[]
            {
                (Input<string>)$"{PlatformBinary.DatabaseVariable(s.Name)}={s.Database}",
                props.Secrets.Render($"{UrlVariable(s.Name)}={props.ConnectionStrings[s.Name]}"),
            }))
            .ToList();

        Container = new Container(this, "server", new ContainerArgs
        {
            Image = image.ImageId,
            Name = stack.PhysicalName("app"),
            // No hostname: Docker refuses one together with the host's network (the host's name applies).
            NetworkMode = "host",
            Entrypoints = props.Entrypoint?.Select(e => (Input<string>)e).ToList(),
            Command = PlatformBinary.Flags(props.Server).Select(f => (Input<string>)f).ToList(),
            Envs = env,
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
            Labels = Label.From(stack.Tags),
        }, new ResourceOptions { DependsOn = props.DependsOn });
    }

    /// <summary>PLATFORM_DB_&lt;SERVICE&gt;_URL: the Service's full connection string.</summary>
    public static string UrlVariable(string service) => $"PLATFORM_DB_{service.ToUpperInvariant().Replace('-', '_')}_URL";
}

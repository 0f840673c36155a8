using Infra.Platform;
using Infra.Platform.Binary;
using Infra.Platform.Services;
using Infra.Synthesis;
using static Infra.Providers.Generated.Docker;
using static Infra.Providers.Generated.Random;

namespace Infra.Constructs.Docker;

public sealed record PostgresServerProps
{
    public required StackIdentity Stack { get; init; }
    public required Network Network { get; init; }
    /// <summary>Pinned PostgreSQL image.</summary>
    public required string Image { get; init; }
    /// <summary>One database per Service: each Service owns its namespace.</summary>
    public required IReadOnlyList<ServiceDefinition> Services { get; init; }
    /// <summary>Host port to publish on 127.0.0.1, for psql and tools; null keeps it private.</summary>
    public int? HostPort { get; init; }
    public string User { get; init; } = "platform";
    /// <summary>Memory limit in MiB; null leaves the container unlimited.</summary>
    public int? MemoryMb { get; init; }
    /// <summary>Network alias other containers use as the DB host.</summary>
    public string Alias { get; init; } = "db";
}

/// <summary>
/// One PostgreSQL server in a container: a generated password, a named volume for its data, and
/// one database per Service created by an init script on first start.
/// </summary>
public sealed class PostgresServer : Component
{
    public const int Port = 5432;
    public const string InitScriptPath = "/docker-entrypoint-initdb.d/10-service-databases.sql";

    public RandomPassword Password { get; }
    public Volume Data { get; }
    public Container Server { get; }
    public PostgresServerProps Props { get; }

    public PostgresServer(Scope scope, string id, PostgresServerProps props) : base(scope, id)
    {
        Props = props;
        var stack = props.Stack;
        var labels = ContainerLabel.From(stack.Tags);
        // Lifetime labels only: a new owner or environment must not replace the volume (and lose the data).
        Data = new Volume(this, "data", new VolumeArgs { Name = stack.PhysicalName($"{id}-data"), Labels = VolumeLabel.From(stack.LifetimeTags) },
            new ResourceOptions { Protect = stack.Settings.IsProduction ? true : null });
        // The data volume anchors the component: the longest-lived part, so its URN never depends on the container's type.
        DeclareAnchor(Data);
        Password = new RandomPassword(this, "password", new RandomPasswordArgs { Length = 32, Special = false });
        var image = new RemoteImage(this, "image", new RemoteImageArgs { Name = props.Image, KeepLocally = true });
        Server = new Container(this, "server", new ContainerArgs
        {
            Image = image.ImageId,
            Name = stack.PhysicalName(id),
            Hostname = props.Alias,
            Envs =
            [
                $"POSTGRES_USER={props.User}",
                $"POSTGRES_DB={props.User}",
                Fn.Secret(Text.Interpolate($"POSTGRES_PASSWORD={Password.Result}")),
            ],
            Ports = props.HostPort is { } hostPort
                ? [new ContainerPort { Internal = Port, External = hostPort, Ip = "127.0.0.1" }]
                : null,
            NetworksAdvanced = [new ContainerNetworksAdvanced { Name = props.Network.NetworkName, Aliases = [props.Alias] }],
            Volumes = [new ContainerVolume { VolumeName = Data.VolumeName, ContainerPath = "/var/lib/postgresql/data" }],
            Uploads = [new ContainerUpload { File = InitScriptPath, Content = InitScript(props.Services) }],
            Healthcheck = new ContainerHealthcheck
            {
                Tests = ["CMD-SHELL", $"pg_isready -U {props.User} -d {props.User}"],
                Interval = "5s",
                Timeout = "3s",
                StartPeriod = "10s",
                Retries = 10,
            },
            Restart = "unless-stopped",
            Wait = true,
            WaitTimeout = 120,
            Memory = props.MemoryMb,
            Labels = labels,
        });
    }

    /// <summary>How a server running <paramref name="server"/>'s Services reaches this database (plain settings).</summary>
    public BinaryDatabase DatabaseFor(Infra.Platform.Placement.Server server) =>
        new(Props.Alias, Port, Props.User, server.Services.Services.ToDictionary(s => s.Name, s => s.Database)) { SslMode = "disable" };

    /// <summary>The password, only as a secret reference.</summary>
    public IReadOnlyList<Input<string>> SecretEnvironment =>
        [Fn.Secret(Text.Interpolate($"{PlatformBinary.DbPassword.Variable}={Password.Result}"))];

    /// <summary>
    /// Creates each Service's database unless it exists (psql's \gexec), so the same script is safe
    /// to run again by hand after a Service is added to an existing stack.
    /// </summary>
    public static string InitScript(IEnumerable<ServiceDefinition> services) =>
        "-- One database per Service: each Service owns its own namespace.\n" +
        string.Concat(services.Select(s =>
            $"SELECT 'CREATE DATABASE {s.Database}' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '{s.Database}')\\gexec\n"));
}

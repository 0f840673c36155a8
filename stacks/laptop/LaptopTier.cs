using Infra.Constructs.Docker;
using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Placement;
using Infra.Synthesis;
using static Infra.Providers.Generated.Docker;
using static Infra.Providers.Generated.Random;

namespace Infra.Stacks.Laptop;

/// <summary>
/// The laptop tier: on the local Docker engine, one server running the platform binary with every
/// Service, one PostgreSQL with a database per Service, optional local tracing.
/// </summary>
public sealed class LaptopTier : ITier
{
    public Tier Tier => Tier.Laptop;

    public IReadOnlyList<ConfigKey> Keys { get; } = [.. CommonKeys.All, .. LaptopKeys.All];

    public StackIdentity Build(Blueprint blueprint, ConfigReader config)
    {
        var platform = PlatformSettings.Read(config);
        var laptop = LaptopSettings.Read(config);
        config.CheckUnknownKeys();
        config.ThrowIfInvalid();

        var stack = new StackIdentity(config.Stack, Tier, platform);
        var docker = new DockerProvider(blueprint, "docker");
        blueprint.UseProvider(docker);
        blueprint.UseProvider(new RandomProvider(blueprint, "random"));

        var network = new Network(blueprint, "network", new NetworkArgs
        {
            Name = stack.PhysicalName("net"),
            Driver = "bridge",
            // A fixed name that Docker cannot relabel: lifetime labels only (StackIdentity.LifetimeTags).
            Labels = NetworkLabel.From(stack.LifetimeTags),
        });
        // Every container of the laptop lives on this network: it anchors the stack (the components' anchors are its children).
        blueprint.DeclareAnchor(network);

        var db = new PostgresServer(blueprint, "db", new PostgresServerProps
        {
            Stack = stack,
            Network = network,
            Image = laptop.DbImage,
            Services = platform.Services.Services,
            HostPort = laptop.DbPort,
            MemoryMb = laptop.DbMemoryMb,
        });

        var telemetry = laptop.Telemetry
            ? new TelemetryStack(blueprint, "telemetry", new TelemetryStackProps
            {
                Stack = stack,
                Network = network,
                CollectorImage = laptop.CollectorImage,
                TraceUiImage = laptop.TraceUiImage,
                TraceUiPort = laptop.TraceUiPort,
            })
            : null;

        var server = PlacementPlanner.AllOnEach(1, platform.Services)[0];
        _ = new PlatformContainer(blueprint, "app", new PlatformContainerProps
        {
            Stack = stack,
            Server = server,
            Network = network,
            Image = laptop.AppImage,
            Entrypoint = laptop.AppEntrypoint,
            HealthCheck = laptop.AppHealthCheck,
            Database = db.DatabaseFor(server),
            SecretEnvironment = db.SecretEnvironment,
            DependsOn = [db.Server],
            OtlpEndpoint = telemetry?.OtlpEndpoint,
            HttpHostPort = laptop.HttpPort,
            BusHostPort = laptop.BusPort,
            MemoryMb = laptop.AppMemoryMb,
        });

        blueprint.Output("appUrl", $"http://localhost:{laptop.HttpPort}");
        blueprint.Output("healthUrl", $"http://localhost:{laptop.HttpPort}{PlatformBinary.HealthPath}");
        blueprint.Output("busAddress", $"localhost:{laptop.BusPort}");
        blueprint.Output("dbEndpoint", $"localhost:{laptop.DbPort}");
        blueprint.Output("dbUser", db.Props.User);
        blueprint.Output("dbPassword", db.Password.Result);
        blueprint.Output("databases", platform.Services.Services.ToDictionary(s => s.Name, s => s.Database));
        blueprint.Output("services", platform.Services.Names.ToList());
        blueprint.Output("ingressRoutes", platform.Routes.ToJson());
        if (telemetry is not null) blueprint.Output("traceUiUrl", $"http://localhost:{laptop.TraceUiPort}");
        return stack;
    }
}

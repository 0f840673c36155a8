using Infra.Platform;
using Infra.Platform.Configuration;

namespace Infra.Stacks.Laptop;

/// <summary>The config keys of the laptop tier, beyond the common ones; each declared once (README table and `infra config keys` come from here).</summary>
public static class LaptopKeys
{
    private const string PortAllowed = "a port from 1 to 65535, not used by another key";

    private static ConfigShape<string> Image { get; } = ConfigShapes.Text(ImageReference.Allowed, ImageReference.Problem);

    public static readonly ConfigKey<string> AppImage = new("appImage", Image, StandInBinary.Image,
        "Image of the platform binary. The default is a pinned stand-in HTTP server so the tier works out of the box.");

    public static readonly ConfigKey<IReadOnlyList<string>?> AppEntrypoint = new("appEntrypoint",
        ConfigShapes.StringList("a list of strings; [] for the image's own", allowEmpty: true), null,
        "Replaces the image's entrypoint; the binary's flags are passed after it.")
    {
        DefaultText = "the stand-in script for the default image, the image's own for any other",
    };

    public static readonly ConfigKey<IReadOnlyList<string>?> AppHealthCheck = new("appHealthCheck",
        ConfigShapes.StringList("a Docker test list such as [\"CMD\", \"/platform\", \"healthcheck\"]"), StandInBinary.HealthCheck,
        "Docker health probe of the app container.")
    {
        DefaultText = "a wget of /healthz",
    };

    public static readonly ConfigKey<int> HttpPort = new("httpPort", ConfigShapes.Port, 8080,
        "Local port (127.0.0.1) of the platform's HTTP endpoint.") { Allowed = PortAllowed };

    public static readonly ConfigKey<int> BusPort = new("busPort", ConfigShapes.Port, 7070,
        "Local port of the failure-detector/cache bus.") { Allowed = PortAllowed };

    public static readonly ConfigKey<int> DbPort = new("dbPort", ConfigShapes.Port, 5432,
        "Local port PostgreSQL is published on (127.0.0.1 only).") { Allowed = PortAllowed };

    public static readonly ConfigKey<string> DbImage = new("dbImage", Image, "docker.io/library/postgres:17.2-bookworm", "PostgreSQL image.");

    public static readonly ConfigKey<bool> Telemetry = new("telemetry", ConfigShapes.Boolean, false,
        "Run an OpenTelemetry collector and a local trace UI (Jaeger, http://localhost:16686), and send the platform's traces to them.");

    public static readonly ConfigKey<int> TraceUiPort = new("traceUiPort", ConfigShapes.Port, 16686,
        "Local port of the trace UI (when telemetry is on).") { Allowed = PortAllowed };

    public static readonly ConfigKey<string> CollectorImage = new("collectorImage", Image,
        "docker.io/otel/opentelemetry-collector-contrib:0.115.1", "OpenTelemetry collector image (when telemetry is on).");

    public static readonly ConfigKey<string> TraceUiImage = new("traceUiImage", Image,
        "docker.io/jaegertracing/all-in-one:1.64.0", "Trace UI image, Jaeger all-in-one (when telemetry is on).");

    public static readonly ConfigKey<int> AppMemory = new("appMemory", ConfigShapes.Integer(64, 65536), 1024,
        "Memory limit of the platform container, in MiB.");

    public static readonly ConfigKey<int> DbMemory = new("dbMemory", ConfigShapes.Integer(128, 65536), 1024,
        "Memory limit of the PostgreSQL container, in MiB.");

    public static readonly IReadOnlyList<ConfigKey> All =
    [
        AppImage, AppEntrypoint, AppHealthCheck, HttpPort, BusPort, DbPort, DbImage, AppMemory, DbMemory, Telemetry, TraceUiPort,
        CollectorImage, TraceUiImage,
    ];
}

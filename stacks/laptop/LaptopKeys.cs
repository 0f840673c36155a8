using Infra.Platform.Configuration;

namespace Infra.Stacks.Laptop;

/// <summary>The config keys of the laptop tier, beyond the common ones.</summary>
public static class LaptopKeys
{
    public static readonly ConfigKey AppImage = new("appImage", ConfigKind.String,
        "Image of the platform binary. The default is a pinned stand-in HTTP server so the tier works out of the box.",
        ImageReference.Allowed);

    public static readonly ConfigKey AppEntrypoint = new("appEntrypoint", ConfigKind.StringList,
        "Replaces the image's entrypoint; the binary's flags are passed after it. Default: the stand-in script for the " +
        "default image, the image's own entrypoint for any other image.", "a list of strings; [] for the image's own");

    public static readonly ConfigKey AppHealthCheck = new("appHealthCheck", ConfigKind.StringList,
        "Docker health probe of the app container.", "a Docker test list such as [\"CMD\", \"/platform\", \"healthcheck\"]");

    public static readonly ConfigKey HttpPort = new("httpPort", ConfigKind.Integer,
        "Local port of the platform's HTTP endpoint.", "a port from 1 to 65535, not used by another key");

    public static readonly ConfigKey BusPort = new("busPort", ConfigKind.Integer,
        "Local port of the failure-detector/cache bus.", "a port from 1 to 65535, not used by another key");

    public static readonly ConfigKey DbPort = new("dbPort", ConfigKind.Integer,
        "Local port PostgreSQL is published on (127.0.0.1 only).", "a port from 1 to 65535, not used by another key");

    public static readonly ConfigKey DbImage = new("dbImage", ConfigKind.String, "PostgreSQL image.", ImageReference.Allowed);

    public static readonly ConfigKey Telemetry = new("telemetry", ConfigKind.Boolean,
        "Run an OpenTelemetry collector and a local trace UI, and send the platform's traces to them.", "true | false");

    public static readonly ConfigKey TraceUiPort = new("traceUiPort", ConfigKind.Integer,
        "Local port of the trace UI (when telemetry is on).", "a port from 1 to 65535, not used by another key");

    public static readonly ConfigKey CollectorImage = new("collectorImage", ConfigKind.String,
        "OpenTelemetry collector image (when telemetry is on).", ImageReference.Allowed);

    public static readonly ConfigKey TraceUiImage = new("traceUiImage", ConfigKind.String,
        "Trace UI image, Jaeger all-in-one (when telemetry is on).", ImageReference.Allowed);

    public static readonly ConfigKey AppMemory = new("appMemory", ConfigKind.Integer,
        "Memory limit of the platform container, in MiB.", "an integer from 64 to 65536");

    public static readonly ConfigKey DbMemory = new("dbMemory", ConfigKind.Integer,
        "Memory limit of the PostgreSQL container, in MiB.", "an integer from 128 to 65536");

    public static readonly IReadOnlyList<ConfigKey> All =
    [
        AppMemory, DbMemory,
        AppImage, AppEntrypoint, AppHealthCheck, HttpPort, BusPort, DbPort, DbImage, Telemetry, TraceUiPort,
        CollectorImage, TraceUiImage,
    ];
}

using Infra.Platform.Configuration;
using Infra.Platform.Placement;

namespace Infra.Platform;

/// <summary>
/// How the platform's Go binary is started, the same in every tier: its Services explicitly as a
/// flag and in the environment, its ports, its identity and peers, logs and tracing.
/// </summary>
public static class PlatformBinary
{
    public const int HttpPort = 8080;
    public const int BusPort = 7070;
    public const string HealthPath = "/healthz";

    /// <summary>Command-line flags for one server.</summary>
    public static IReadOnlyList<string> Flags(Server server) =>
    [
        $"--services={server.Services.Csv}",
        $"--http-addr=:{HttpPort}",
        $"--bus-addr=:{BusPort}",
    ];

    /// <summary>Plain (non-secret) environment for one server, sorted by name.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Environment(Server server, PlatformSettings settings,
        IReadOnlyList<string> peers, string? otlpEndpoint)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["PLATFORM_SERVICES"] = server.Services.Csv,
            ["PLATFORM_NODE_ID"] = server.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PLATFORM_NODE_NAME"] = server.Name,
            ["PLATFORM_HTTP_ADDR"] = $":{HttpPort}",
            ["PLATFORM_BUS_ADDR"] = $":{BusPort}",
            ["PLATFORM_PEERS"] = string.Join(",", peers),
            ["PLATFORM_ROUTES"] = settings.Routes.ToJson(),
            ["PLATFORM_ENVIRONMENT"] = settings.Environment.ToString().ToLowerInvariant(),
            ["PLATFORM_LOG_LEVEL"] = settings.LogLevel.ToString().ToLowerInvariant(),
            ["PLATFORM_LOG_FORMAT"] = "json",
            ["OTEL_SERVICE_NAME"] = "platform",
            ["OTEL_RESOURCE_ATTRIBUTES"] =
                $"deployment.environment={settings.Environment.ToString().ToLowerInvariant()},service.instance.id={server.Name}",
        };
        if (otlpEndpoint is not null)
        {
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
            env["OTEL_TRACES_EXPORTER"] = "otlp";
        }
        else
        {
            env["OTEL_TRACES_EXPORTER"] = "none";
        }
        return env.ToList();
    }

    /// <summary>The environment variable that names a Service's database: PLATFORM_DB_&lt;SERVICE&gt;_NAME.</summary>
    public static string DatabaseVariable(string service) =>
        $"PLATFORM_DB_{service.ToUpperInvariant().Replace('-', '_')}_NAME";
}

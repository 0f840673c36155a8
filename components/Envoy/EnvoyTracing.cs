using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Software.Envoy;

/// <summary>
/// What every Envoy of a region (ingress gateway and Connect sidecars) adds to the configuration Consul serves
/// it: traces to the OpenTelemetry collector. These are Consul's escape hatches in the proxy-defaults config
/// entry (<c>envoy_tracing_json</c>, <c>envoy_extra_static_clusters_json</c>), each one Envoy v3 message as JSON,
/// validated strictly (no deprecated fields) by the tests.
/// </summary>
public static class EnvoyTracing
{
    public const string CollectorCluster = "otel_collector";

    private static readonly JsonSerializerOptions Compact = new();

    /// <summary>An <c>envoy.config.trace.v3.Tracing</c>: the OpenTelemetry tracer over gRPC to the collector cluster.</summary>
    public static string Tracing(string serviceName) => new JsonObject
    {
        ["http"] = new JsonObject
        {
            ["name"] = "envoy.tracers.opentelemetry",
            ["typed_config"] = new JsonObject
            {
                ["@type"] = "type.googleapis.com/envoy.config.trace.v3.OpenTelemetryConfig",
                ["grpc_service"] = new JsonObject
                {
                    ["envoy_grpc"] = new JsonObject { ["cluster_name"] = CollectorCluster },
                    ["timeout"] = "1s",
                },
                ["service_name"] = serviceName,
            },
        },
    }.ToJsonString(Compact);

    /// <summary>An <c>envoy.config.cluster.v3.Cluster</c>: the collector, found by DNS name, spoken to over HTTP/2 (OTLP/gRPC).</summary>
    public static string CollectorClusterJson(string host, int port) => new JsonObject
    {
        ["name"] = CollectorCluster,
        ["type"] = "STRICT_DNS",
        ["connect_timeout"] = "1s",
        ["typed_extension_protocol_options"] = new JsonObject
        {
            ["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"] = new JsonObject
            {
                ["@type"] = "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
                ["explicit_http_config"] = new JsonObject { ["http2_protocol_options"] = new JsonObject() },
            },
        },
        ["load_assignment"] = new JsonObject
        {
            ["cluster_name"] = CollectorCluster,
            ["endpoints"] = new JsonArray(new JsonObject
            {
                ["lb_endpoints"] = new JsonArray(new JsonObject
                {
                    ["endpoint"] = new JsonObject
                    {
                        ["address"] = new JsonObject { ["socket_address"] = new JsonObject { ["address"] = host, ["port_value"] = port } },
                    },
                }),
            }),
        },
    }.ToJsonString(Compact);

    /// <summary>The proxy-defaults config entry (Consul's "global" one) carrying both escape hatches.</summary>
    public static string ProxyDefaults(string collectorHost, int collectorPort) => new JsonObject
    {
        ["Kind"] = "proxy-defaults",
        ["Name"] = "global",
        ["Config"] = new JsonObject
        {
            ["protocol"] = "http",
            ["envoy_tracing_json"] = Tracing("platform-mesh"),
            ["envoy_extra_static_clusters_json"] = CollectorClusterJson(collectorHost, collectorPort),
        },
    }.ToJsonString(Compact);
}

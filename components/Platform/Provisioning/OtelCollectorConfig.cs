namespace Infra.Platform.Provisioning;

/// <summary>
/// The collector's config: OTLP from the platform binary on loopback only, host metrics, and the
/// journal of the platform units, all forwarded to the configured OTLP endpoint with this node's id and
/// Services, read from the environment at the collector's start.
/// </summary>
public static class OtelCollectorConfig
{
    public static string Render(FleetProvisioningSpec spec) => Write(spec.Validate());

    internal static string Write(FleetProvisioningSpec spec)
    {
        var telemetry = spec.Telemetry;
        string[] processors = ["memory_limiter", "resource", "batch"];
        var document = Map(
            ("receivers", Map(
                ("otlp", Map(("protocols", Map(
                    ("grpc", Map(("endpoint", OtelCollectorAgent.LocalGrpcEndpoint))),
                    ("http", Map(("endpoint", OtelCollectorAgent.LocalHttpEndpoint))))))),
                ("hostmetrics", Map(
                    ("collection_interval", "30s"),
                    ("scrapers", Map(("cpu", Map()), ("memory", Map()), ("disk", Map()), ("filesystem", Map()), ("network", Map()), ("load", Map()))))),
                ("journald", Map(("units", new[] { PlatformServiceUnit.UnitName, NodeIdentity.UnitName, DataVolumeUnit.UnitName }))))),
            ("processors", Map(
                // A fixed budget, not a share of RAM: the collector must never compete with the platform binary.
                ("memory_limiter", Map(("check_interval", "1s"), ("limit_mib", 256), ("spike_limit_mib", 64))),
                ("resource", Map(("attributes", new object[]
                {
                    // The same file on every server: the collector fills these in from the identity file (see OtelCollectorDropIn).
                    Map(("key", "service.instance.id"), ("value", "${env:PLATFORM_NODE_ID}"), ("action", "upsert")),
                    Map(("key", "platform.services"), ("value", "${env:PLATFORM_SERVICES}"), ("action", "upsert")),
                }))),
                ("batch", Map()))),
            ("exporters", Map(
                ("otlp", Map(
                    ("endpoint", telemetry.OtlpEndpoint),
                    ("tls", Map(("insecure", telemetry.Insecure))))))),
            ("service", Map(("pipelines", Map(
                ("traces", Pipeline(["otlp"], processors)),
                ("metrics", Pipeline(["otlp", "hostmetrics"], processors)),
                ("logs", Pipeline(["otlp", "journald"], processors)))))));
        return ProvisioningYaml.Serialize(document);
    }

    private static OrderedDictionary<string, object> Pipeline(string[] receivers, string[] processors) =>
        Map(("receivers", receivers), ("processors", processors), ("exporters", new[] { "otlp" }));

    internal static OrderedDictionary<string, object> Map(params (string Key, object Value)[] entries)
    {
        var map = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in entries) map.Add(key, value);
        return map;
    }
}

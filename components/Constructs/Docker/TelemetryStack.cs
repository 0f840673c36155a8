using Infra.Platform;
using Infra.Synthesis;
using static Infra.Providers.Generated.Docker;

namespace Infra.Constructs.Docker;

public sealed record TelemetryStackProps
{
    public required StackIdentity Stack { get; init; }
    public required Network Network { get; init; }
    public required string CollectorImage { get; init; }
    public required string TraceUiImage { get; init; }
    /// <summary>Host port of the trace UI, published on 127.0.0.1.</summary>
    public required int TraceUiPort { get; init; }
}

/// <summary>
/// Local tracing: an OpenTelemetry collector that the platform sends OTLP to, exporting to a
/// Jaeger all-in-one whose UI shows the traces.
/// </summary>
public sealed class TelemetryStack : Component
{
    public const string CollectorAlias = "otel-collector";
    public const string TraceStoreAlias = "traces";
    public const string CollectorConfigPath = "/etc/otelcol-contrib/config.yaml";

    /// <summary>Where the platform sends traces (OTLP over gRPC).</summary>
    public string OtlpEndpoint => $"http://{CollectorAlias}:4317";

    public Container Collector { get; }
    public Container TraceUi { get; }

    public TelemetryStack(Scope scope, string id, TelemetryStackProps props) : base(scope, id)
    {
        var stack = props.Stack;
        var labels = ContainerLabel.From(stack.Tags);
        var uiImage = new RemoteImage(this, "ui-image", new RemoteImageArgs { Name = props.TraceUiImage, KeepLocally = true });
        TraceUi = new Container(this, "ui", new ContainerArgs
        {
            Image = uiImage.ImageId,
            Name = stack.PhysicalName($"{id}-ui"),
            Envs = ["COLLECTOR_OTLP_ENABLED=true"],
            Ports = [new ContainerPort { Internal = 16686, External = props.TraceUiPort, Ip = "127.0.0.1" }],
            NetworksAdvanced = [new ContainerNetworksAdvanced { Name = props.Network.NetworkName, Aliases = [TraceStoreAlias] }],
            // Jaeger's admin port answers its health endpoint; the image has busybox wget.
            Healthcheck = new ContainerHealthcheck
            {
                Tests = ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:14269/"],
                Interval = "10s",
                Timeout = "3s",
                Retries = 5,
            },
            Restart = "unless-stopped",
            Memory = 512,
            Labels = labels,
        });

        var collectorImage = new RemoteImage(this, "collector-image",
            new RemoteImageArgs { Name = props.CollectorImage, KeepLocally = true });
        Collector = new Container(this, "collector", new ContainerArgs
        {
            Image = collectorImage.ImageId,
            Name = stack.PhysicalName($"{id}-collector"),
            Command = [$"--config={CollectorConfigPath}"],
            NetworksAdvanced = [new ContainerNetworksAdvanced { Name = props.Network.NetworkName, Aliases = [CollectorAlias] }],
            Uploads = [new ContainerUpload { File = CollectorConfigPath, Content = CollectorConfig }],
            // The collector image has no shell or HTTP client: the probe re-validates its config with its own binary.
            Healthcheck = new ContainerHealthcheck
            {
                Tests = ["CMD", "/otelcol-contrib", "validate", $"--config={CollectorConfigPath}"],
                Interval = "30s",
                Timeout = "5s",
                Retries = 3,
            },
            Restart = "unless-stopped",
            Memory = 256,
            Labels = labels,
        }, new ResourceOptions { DependsOn = [TraceUi] });
        // The collector is what the stack's servers talk to: the trace UI and both images are its parts.
        DeclareAnchor(Collector);
    }

    /// <summary>OTLP in (gRPC 4317, HTTP 4318), batched, out to the trace store; health on 13133.</summary>
    public static string CollectorConfig => $"""
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 0.0.0.0:4317
              http:
                endpoint: 0.0.0.0:4318
        processors:
          batch: {"{}"}
        exporters:
          otlp/traces:
            endpoint: {TraceStoreAlias}:4317
            tls:
              insecure: true
        extensions:
          health_check:
            endpoint: 0.0.0.0:13133
        service:
          extensions: [health_check]
          pipelines:
            traces:
              receivers: [otlp]
              processors: [batch]
              exporters: [otlp/traces]

        """;
}

namespace Infra.Platform.Provisioning;

/// <summary>
/// The OpenTelemetry Collector on every server. Debian does not package it, so it is the upstream
/// <c>otelcol-contrib</c> .deb from the opentelemetry-collector-releases GitHub release, pinned by URL and
/// checksum from config (contrib, because the journald receiver is not in the core distribution).
/// The platform binary sends OTLP to the local agent; the agent forwards to <see cref="OtlpEndpoint"/>.
/// </summary>
public sealed record OtelCollectorAgent(VerifiedDownload Package, string OtlpEndpoint, bool Insecure = false)
{
    public const string PackageName = "otelcol-contrib";
    public const string ConfigPath = "/etc/otelcol-contrib/config.yaml";
    public const string LocalGrpcEndpoint = "127.0.0.1:4317";
    public const string LocalHttpEndpoint = "127.0.0.1:4318";
}

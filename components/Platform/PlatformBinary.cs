using Infra.Platform.Binary;

namespace Infra.Platform;

/// <summary>
/// The platform binary's interface, defined once for every tier: each flag and environment variable it
/// takes, when a launch must pass it and what it means. Tiers never write a flag or variable name
/// themselves: they fill a <see cref="BinaryLaunch"/> and render it (a container's command and env, a
/// systemd unit and its environment file), and <see cref="BinaryInvocation.Parse"/> reads any launch back
/// strictly through this table. Documented in components/Platform/Binary/README.md (a test keeps the
/// table there equal to this one).
/// </summary>
public static class PlatformBinary
{
    public const int HttpPort = 8080;
    public const int BusPort = 7070;
    public const int RaftPort = 7071;
    public const string HealthPath = "/healthz";
    public const string TelemetryServiceName = "platform";

    // Who the server is and where it listens: flags (visible in `ps`) and the same values in the environment.
    public static readonly BinarySetting Services = new("services", "--services", "PLATFORM_SERVICES", SettingUse.Always, false,
        "The Services this server runs, comma-separated. Never empty: an empty list is an error, never \"run everything\".",
        "gateway,accounts");
    public static readonly BinarySetting NodeId = new("node-id", "--node-id", "PLATFORM_NODE_ID", SettingUse.Always, false,
        "The server's stable, unique id (its server name); the RAFT member id where there is a RAFT store.", "server-1");
    public static readonly BinarySetting HttpAddr = new("http-addr", "--http-addr", "PLATFORM_HTTP_ADDR", SettingUse.Always, false,
        "Listen address of the HTTP/gRPC endpoint (health at " + HealthPath + ").", $":{HttpPort}");
    public static readonly BinarySetting BusAddr = new("bus-addr", "--bus-addr", "PLATFORM_BUS_ADDR", SettingUse.Always, false,
        "Listen address of the failure-detector/cache bus.", $":{BusPort}");
    public static readonly BinarySetting RaftAddr = new("raft-addr", "--raft-addr", "PLATFORM_RAFT_ADDR", SettingUse.Raft, false,
        "Listen address of the RAFT store.", $":{RaftPort}");
    public static readonly BinarySetting RaftPeersFile = new("raft-peers-file", "--raft-peers-file", "PLATFORM_RAFT_PEERS_FILE", SettingUse.Raft, false,
        "JSON list of every RAFT member: [{\"id\": NODE_ID, \"address\": \"HOST:PORT\"}].", "/etc/platform/raft-peers.json");
    public static readonly BinarySetting DataDir = new("data-dir", "--data-dir", "PLATFORM_DATA_DIR", SettingUse.Raft, false,
        "Directory of the RAFT store (a mount point of its own).", "/var/lib/platform");

    // Everything else: environment only.
    public static readonly BinarySetting NodeName = new("node-name", null, "PLATFORM_NODE_NAME", SettingUse.Always, false,
        "The server's name, for logs and host names.", "server-1");
    public static readonly BinarySetting Peers = new("peers", null, "PLATFORM_PEERS", SettingUse.Always, false,
        "The other servers' bus addresses, HOST:PORT comma-separated; empty on a single server.", "10.0.0.12:7070,10.0.0.13:7070");
    public static readonly BinarySetting Environment = new("environment", null, "PLATFORM_ENVIRONMENT", SettingUse.Always, false,
        "What the stack is for: dev, staging or production.", "dev");
    public static readonly BinarySetting Routes = new("routes", null, "PLATFORM_ROUTES", SettingUse.Always, false,
        "The ingress route table as JSON, identical in every tier: [{\"host\", \"pathPrefix\", \"service\"}].",
        "[{\"host\":\"api\",\"pathPrefix\":\"/\",\"service\":\"gateway\"}]");
    public static readonly BinarySetting LogLevel = new("log-level", null, "PLATFORM_LOG_LEVEL", SettingUse.Always, false,
        "debug, info, warn or error.", "info");
    public static readonly BinarySetting LogFormat = new("log-format", null, "PLATFORM_LOG_FORMAT", SettingUse.Always, false,
        "Log line format: json.", "json");
    public static readonly BinarySetting TelemetryService = new("otel-service-name", null, "OTEL_SERVICE_NAME", SettingUse.Always, false,
        "OpenTelemetry service name.", TelemetryServiceName);
    public static readonly BinarySetting TelemetryAttributes = new("otel-resource-attributes", null, "OTEL_RESOURCE_ATTRIBUTES", SettingUse.Always, false,
        "OpenTelemetry resource attributes: deployment.environment and service.instance.id (the node id).",
        "deployment.environment=dev,service.instance.id=server-1");
    public static readonly BinarySetting TracesExporter = new("otel-traces-exporter", null, "OTEL_TRACES_EXPORTER", SettingUse.Always, false,
        "otlp (to the endpoint below) or none.", "otlp");
    public static readonly BinarySetting OtlpEndpoint = new("otel-exporter-otlp-endpoint", null, "OTEL_EXPORTER_OTLP_ENDPOINT", SettingUse.Otlp, false,
        "Where traces go: the collector's OTLP endpoint.", "http://otel-collector:4317");
    public static readonly BinarySetting DbHost = new("db-host", null, "PLATFORM_DB_HOST", SettingUse.Database, false,
        "PostgreSQL host, or every member's host comma-separated (libpq multi-host).", "db");
    public static readonly BinarySetting DbPort = new("db-port", null, "PLATFORM_DB_PORT", SettingUse.Database, false, "PostgreSQL port.", "5432");
    public static readonly BinarySetting DbUser = new("db-user", null, "PLATFORM_DB_USER", SettingUse.Database, false, "PostgreSQL role.", "platform");
    public static readonly BinarySetting DbPassword = new("db-password", null, "PLATFORM_DB_PASSWORD", SettingUse.Database, true,
        "PostgreSQL password (secret: only ever a reference in the program).", "(secret)");
    public static readonly BinarySetting DbSslMode = new("db-sslmode", null, "PLATFORM_DB_SSLMODE", SettingUse.Optional, false,
        "libpq sslmode.", "disable");
    public static readonly BinarySetting DbTargetSessionAttrs = new("db-target-session-attrs", null, "PLATFORM_DB_TARGET_SESSION_ATTRS", SettingUse.Optional, false,
        "libpq target_session_attrs: read-write finds the primary among several hosts.", "read-write");
    public static readonly BinarySetting DbName = new("db-name", null, "PLATFORM_DB_<SERVICE>_NAME", SettingUse.Database, false,
        "Per Service: its own database (each Service owns its namespace). One for every Service in --services.", "accounts");
    public static readonly BinarySetting DbUrl = new("db-url", null, "PLATFORM_DB_<SERVICE>_URL", SettingUse.Optional, true,
        "Per Service: its full connection string (secret).", "(secret)");

    // Messaging (global): the NATS super-cluster. Environment only; the password is a reference.
    public static readonly BinarySetting NatsUrls = new("nats-urls", null, "PLATFORM_NATS_URLS", SettingUse.Messaging, false,
        "The NATS servers by region, in the order the client tries them: its own region first, then the others nearest first, as JSON [{\"region\", \"urls\"}]. " +
        "The client shuffles the URLs within a region, keeps the regions' order, moves off a lame-duck server before it closes, and fails back to its own region (components/Nats/README.md).",
        "[{\"region\":\"eu-west\",\"urls\":[\"tls://10.1.0.11:4222\",\"tls://10.1.0.12:4222\",\"tls://10.1.0.13:4222\"]},{\"region\":\"us-east\",\"urls\":[\"tls://10.2.0.11:4222\"]}]");
    public static readonly BinarySetting NatsCaFile = new("nats-ca-file", null, "PLATFORM_NATS_CA_FILE", SettingUse.Messaging, false,
        "The CA certificate (PEM) that signed the NATS servers' certificates.", "/etc/platform/nats-ca.pem");
    public static readonly BinarySetting NatsUser = new("nats-user", null, "PLATFORM_NATS_USER", SettingUse.Messaging, false,
        "The NATS user, of the platform's account.", "platform");
    public static readonly BinarySetting NatsPassword = new("nats-password", null, "PLATFORM_NATS_PASSWORD", SettingUse.Messaging, true,
        "The NATS user's password (secret: only ever a reference in the program).", "(secret)");

    /// <summary>Every setting, in the order the flags are written and the table documents them.</summary>
    public static readonly IReadOnlyList<BinarySetting> Settings =
    [
        Services, NodeId, HttpAddr, BusAddr, RaftAddr, RaftPeersFile, DataDir,
        NodeName, Peers, Environment, Routes, LogLevel, LogFormat,
        TelemetryService, TelemetryAttributes, TracesExporter, OtlpEndpoint,
        DbHost, DbPort, DbUser, DbPassword, DbSslMode, DbTargetSessionAttrs, DbName, DbUrl,
        NatsUrls, NatsCaFile, NatsUser, NatsPassword,
    ];

    /// <summary>The variable prefixes the binary owns: any variable with one of them must be a setting above.</summary>
    public static readonly IReadOnlyList<string> VariablePrefixes = ["PLATFORM_", "OTEL_"];

    public static BinarySetting? ByFlag(string flag) => Settings.FirstOrDefault(s => s.Flag == flag);

    public static BinarySetting? ByVariable(string variable) =>
        Settings.FirstOrDefault(s => !s.PerService && s.Variable == variable) ?? Settings.FirstOrDefault(s => s.PerService && s.Names(variable));

    /// <summary>The environment variable that names a Service's database: PLATFORM_DB_&lt;SERVICE&gt;_NAME.</summary>
    public static string DatabaseVariable(string service) => DbName.VariableFor(service);

    /// <summary>The OpenTelemetry resource attributes of one server.</summary>
    public static string ResourceAttributes(string environment, string nodeId) =>
        $"deployment.environment={environment},service.instance.id={nodeId}";
}

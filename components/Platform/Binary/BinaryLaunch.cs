using System.Globalization;
using Infra.Platform.Configuration;
using Infra.Platform.Placement;

namespace Infra.Platform.Binary;

/// <summary>
/// The values one launch of the platform binary gets, typed; <see cref="Render"/> turns them into flags
/// and environment through the one definition (<see cref="PlatformBinary"/>). A server keeps its data
/// either in PostgreSQL (<see cref="Database"/>) or in its own RAFT store (<see cref="Raft"/>), never both.
/// </summary>
public sealed record BinaryLaunch
{
    /// <summary>The Services, never empty (or <c>${PLATFORM_SERVICES}</c> when set at start, see <see cref="SetAtStart"/>).</summary>
    public required IReadOnlyList<string> Services { get; init; }
    public required string NodeId { get; init; }
    public required string NodeName { get; init; }
    public string HttpAddress { get; init; } = $":{PlatformBinary.HttpPort}";
    public string BusAddress { get; init; } = $":{PlatformBinary.BusPort}";
    /// <summary>The other servers' bus endpoints (HOST:PORT); empty on a single server.</summary>
    public required IReadOnlyList<string> Peers { get; init; }
    public required DeploymentEnvironment Environment { get; init; }
    /// <summary>The route table as JSON (<see cref="Services.RouteTable.ToJson"/>).</summary>
    public required string Routes { get; init; }
    public required LogLevel LogLevel { get; init; }
    /// <summary>Where traces go; null exports none.</summary>
    public string? OtlpEndpoint { get; init; }
    public BinaryDatabase? Database { get; init; }
    public BinaryRaft? Raft { get; init; }
    /// <summary>The NATS super-cluster (global tier); null where the tier runs none.</summary>
    public BinaryMessaging? Messaging { get; init; }

    /// <summary>
    /// Settings whose values the process's environment holds when it starts, written by another step
    /// (dc9: the identity file each server writes at boot from its peer-table row). Their flags name the
    /// variable (<c>--services=${PLATFORM_SERVICES}</c>, which systemd substitutes) and they are left out
    /// of <see cref="BinaryCommandLine.Environment"/>.
    /// The values given here for those settings are not used.
    /// </summary>
    public IReadOnlySet<BinarySetting> SetAtStart { get; init; } = new HashSet<BinarySetting>();

    /// <summary>A server of a container tier: its placement, the stack's settings, peers, telemetry and database.</summary>
    public static BinaryLaunch ForServer(Server server, PlatformSettings settings, IReadOnlyList<string> peers, string? otlpEndpoint,
        BinaryDatabase? database) => new()
    {
        Services = server.Services.Names.ToList(),
        NodeId = server.Name,
        NodeName = server.Name,
        Peers = peers,
        Environment = settings.Environment,
        Routes = settings.Routes.ToJson(),
        LogLevel = settings.LogLevel,
        OtlpEndpoint = otlpEndpoint,
        Database = database,
    };

    public static string Text(DeploymentEnvironment environment) => environment.ToString().ToLowerInvariant();

    public static string Text(LogLevel level) => level.ToString().ToLowerInvariant();

    public BinaryCommandLine Render()
    {
        if (Services.Count == 0 && !SetAtStart.Contains(PlatformBinary.Services))
            throw new ArgumentException($"{NodeName}: no Services. A binary is always told its Services explicitly; an empty list is never 'run everything'.");
        if (Database is not null && Raft is not null)
            throw new ArgumentException($"{NodeName}: a server keeps its data in PostgreSQL or in its RAFT store, not both.");
        var values = Values().ToList();
        foreach (var (setting, _, value) in values)
        {
            if (value.Any(char.IsControl))
                throw new ArgumentException($"{NodeName}: {setting.Variable} has a line break or control character.");
        }
        var flags = values.Where(v => v.Setting.Flag is not null)
            .Select(v => $"{v.Setting.Flag}={(SetAtStart.Contains(v.Setting) ? $"${{{v.Setting.Variable}}}" : v.Value)}")
            .ToList();
        var environment = values.Where(v => !SetAtStart.Contains(v.Setting))
            .Select(v => KeyValuePair.Create(v.Variable, v.Value))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        return new BinaryCommandLine(flags, environment);
    }

    /// <summary>Every plain setting with its value, in the definition's order.</summary>
    private IEnumerable<(BinarySetting Setting, string Variable, string Value)> Values()
    {
        (BinarySetting, string, string) Of(BinarySetting setting, string value) => (setting, setting.Variable, value);
        var environment = Text(Environment);
        yield return Of(PlatformBinary.Services, string.Join(",", Services));
        yield return Of(PlatformBinary.NodeId, NodeId);
        yield return Of(PlatformBinary.HttpAddr, HttpAddress);
        yield return Of(PlatformBinary.BusAddr, BusAddress);
        if (Raft is { } raft)
        {
            yield return Of(PlatformBinary.RaftAddr, raft.Address);
            yield return Of(PlatformBinary.RaftPeersFile, raft.PeersFile);
            yield return Of(PlatformBinary.DataDir, raft.DataDirectory);
        }
        yield return Of(PlatformBinary.NodeName, NodeName);
        yield return Of(PlatformBinary.Peers, string.Join(",", Peers));
        yield return Of(PlatformBinary.Environment, environment);
        yield return Of(PlatformBinary.Routes, Routes);
        yield return Of(PlatformBinary.LogLevel, Text(LogLevel));
        yield return Of(PlatformBinary.LogFormat, "json");
        yield return Of(PlatformBinary.TelemetryService, PlatformBinary.TelemetryServiceName);
        yield return Of(PlatformBinary.TelemetryAttributes, PlatformBinary.ResourceAttributes(environment, NodeId));
        yield return Of(PlatformBinary.TracesExporter, OtlpEndpoint is null ? "none" : "otlp");
        if (OtlpEndpoint is { } endpoint) yield return Of(PlatformBinary.OtlpEndpoint, endpoint);
        if (Messaging is { } messaging)
        {
            yield return Of(PlatformBinary.NatsUrls, messaging.UrlsJson());
            yield return Of(PlatformBinary.NatsCaFile, messaging.CaFile);
            yield return Of(PlatformBinary.NatsUser, messaging.User);
        }
        if (Database is { } db)
        {
            yield return Of(PlatformBinary.DbHost, db.Host);
            yield return Of(PlatformBinary.DbPort, db.Port.ToString(CultureInfo.InvariantCulture));
            yield return Of(PlatformBinary.DbUser, db.User);
            if (db.SslMode is { } sslMode) yield return Of(PlatformBinary.DbSslMode, sslMode);
            if (db.TargetSessionAttrs is { } attrs) yield return Of(PlatformBinary.DbTargetSessionAttrs, attrs);
            foreach (var service in Services)
            {
                if (!db.Databases.TryGetValue(service, out var name))
                    throw new ArgumentException($"{NodeName}: Service '{service}' has no database; each Service owns its own.");
                yield return (PlatformBinary.DbName, PlatformBinary.DbName.VariableFor(service), name);
            }
        }
    }
}

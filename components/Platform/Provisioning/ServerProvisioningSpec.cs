using System.Text.RegularExpressions;

namespace Infra.Platform.Provisioning;

/// <summary>
/// Everything one server needs to boot into its place in the fleet. <see cref="Validate"/> runs before
/// any generator so that each generator can assume sane input.
/// </summary>
public sealed partial record ServerProvisioningSpec
{
    public const int DefaultBusPort = 7070, DefaultRaftPort = 7071, DefaultAppPort = 8080;
    public const string DefaultDataDirectory = "/var/lib/platform";
    public const string DefaultBinaryPath = "/usr/local/bin/platform";
    public const string ServiceUser = "platform";
    public const string PeersFilePath = "/etc/platform/raft-peers.json";

    public required string NodeId { get; init; }

    /// <summary>The Services this binary runs, in the order given. Never empty: empty is not "everything".</summary>
    public required IReadOnlyList<string> Services { get; init; }

    /// <summary>Every member of the RAFT cluster, this node included.</summary>
    public required IReadOnlyList<RaftPeer> Peers { get; init; }

    public required VerifiedDownload Binary { get; init; }
    public required OtelCollectorAgent Telemetry { get; init; }

    public int BusPort { get; init; } = DefaultBusPort;
    public int RaftPort { get; init; } = DefaultRaftPort;
    public int AppPort { get; init; } = DefaultAppPort;
    public string DataDirectory { get; init; } = DefaultDataDirectory;
    public string BinaryPath { get; init; } = DefaultBinaryPath;

    public RaftPeer Self => Peers.Single(p => p.NodeId == NodeId);

    public ServerProvisioningSpec Validate()
    {
        var where = $"server '{NodeId}'";
        if (!NamePattern().IsMatch(NodeId ?? ""))
            throw new ProvisioningException(
                $"node id '{NodeId}': use 1-63 lowercase letters, digits and '-', starting with a letter (e.g. dc9-server-0).");
        if (Services is null || Services.Count == 0)
            throw new ProvisioningException(
                $"{where}: no Services given. A binary is always told its Services explicitly; an empty list is an error, never 'run everything'. List at least one Service in the placement.");
        foreach (var service in Services)
            if (!NamePattern().IsMatch(service ?? ""))
                throw new ProvisioningException(
                    $"{where}: Service name '{service}' is invalid; use lowercase letters, digits and '-', starting with a letter.");
        if (Services.Distinct().Count() != Services.Count)
            throw new ProvisioningException($"{where}: Services [{string.Join(", ", Services)}] list a Service twice; list each once.");

        foreach (var (name, port) in new[] { ("bus", BusPort), ("raft", RaftPort), ("app", AppPort) })
            if (port is < 1024 or > 65535)
                throw new ProvisioningException(
                    $"{where}: {name} port {port} must be 1024-65535 (the service runs without privileges, so it cannot bind below 1024).");
        if (new[] { BusPort, RaftPort, AppPort }.Distinct().Count() != 3)
            throw new ProvisioningException($"{where}: bus {BusPort}, raft {RaftPort} and app {AppPort} ports must all differ.");

        foreach (var (name, path) in new[] { ("data directory", DataDirectory), ("binary path", BinaryPath) })
            if (!PathPattern().IsMatch(path ?? "") || path!.Contains("/../") || path.EndsWith('/'))
                throw new ProvisioningException(
                    $"{where}: {name} '{path}' must be an absolute path of letters, digits, '.', '_', '-' and '/', e.g. /var/lib/platform.");
        if (DataDirectory is "/" or "/etc" or "/usr" or "/var" or "/tmp")
            throw new ProvisioningException($"{where}: data directory '{DataDirectory}' is a system directory; use e.g. /var/lib/platform.");

        if (Telemetry is null || string.IsNullOrWhiteSpace(Telemetry.OtlpEndpoint) || Telemetry.OtlpEndpoint.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new ProvisioningException(
                $"{where}: telemetry OTLP endpoint '{Telemetry?.OtlpEndpoint}' is empty or has spaces; give host:port of the collector gateway, e.g. otel.example.internal:4317.");

        if (Peers is null || Peers.Count == 0)
            throw new ProvisioningException($"{where}: the RAFT peer list is empty; give every server's id and static address.");
        var duplicateId = Peers.GroupBy(p => p.NodeId).FirstOrDefault(g => g.Count() > 1);
        if (duplicateId is not null)
            throw new ProvisioningException($"{where}: RAFT peer id '{duplicateId.Key}' appears {duplicateId.Count()} times; node ids must be unique.");
        var duplicateEndpoint = Peers.GroupBy(p => p.Endpoint).FirstOrDefault(g => g.Count() > 1);
        if (duplicateEndpoint is not null)
            throw new ProvisioningException(
                $"{where}: RAFT peers {string.Join(" and ", duplicateEndpoint.Select(p => p.NodeId))} share {duplicateEndpoint.Key}; each needs its own static address.");
        foreach (var peer in Peers)
        {
            if (!NamePattern().IsMatch(peer.NodeId ?? ""))
                throw new ProvisioningException($"{where}: RAFT peer id '{peer.NodeId}' is invalid; use lowercase letters, digits and '-'.");
            if (peer.Port != RaftPort)
                throw new ProvisioningException(
                    $"{where}: RAFT peer '{peer.NodeId}' uses port {peer.Port} but this fleet's RAFT port is {RaftPort}; one port for all keeps the security groups exact.");
        }
        if (Peers.All(p => p.NodeId != NodeId))
            throw new ProvisioningException(
                $"{where}: not in its own RAFT peer list ({string.Join(", ", Peers.Select(p => p.NodeId))}); every server must be a peer.");
        return this;
    }

    // Names also land in YAML (collector config) read by YAML 1.1 parsers, where these words are booleans or null.
    [GeneratedRegex("^(?!(y|n|yes|no|on|off|true|false|null)$)[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^(/[A-Za-z0-9._-]+)+$")]
    private static partial Regex PathPattern();
}

using System.Text.RegularExpressions;
using Infra.Platform.Binary;
using Infra.Platform.Configuration;

namespace Infra.Platform.Provisioning;

/// <summary>
/// Everything a fleet of servers needs to boot, identical for every server: the peer table (each
/// server's node id, name, static address and Services), the verified downloads and the ports. A server
/// learns which row is its own at boot (<see cref="NodeIdentity"/>). <see cref="Validate"/> runs before
/// any generator so that each generator can assume sane input.
/// </summary>
public sealed partial record FleetProvisioningSpec
{
    public const int DefaultBusPort = 7070, DefaultRaftPort = 7071, DefaultAppPort = 8080;
    public const string DefaultDataDirectory = "/var/lib/platform";
    public const string DefaultBinaryPath = "/usr/local/bin/platform";
    public const string ServiceUser = "platform";
    public const string ConfigDirectory = "/etc/platform";
    /// <summary>The RAFT peer list the binary reads; written at boot from the peer table.</summary>
    public const string RaftPeersFilePath = ConfigDirectory + "/raft-peers.json";
    /// <summary>The binary's environment shared by every server (routes, log and telemetry settings, addresses).</summary>
    public const string EnvironmentFilePath = ConfigDirectory + "/platform.env";

    /// <summary>Every server of the fleet, each a member of the RAFT cluster.</summary>
    public required IReadOnlyList<FleetPeer> Peers { get; init; }

    public required VerifiedDownload Binary { get; init; }
    public required OtelCollectorAgent Telemetry { get; init; }
    /// <summary>The Session Manager agent: how an operator gets a shell on a server.</summary>
    public required SessionManagerAgent SessionManager { get; init; }

    /// <summary>The stack's environment, route table (JSON) and log level, handed to every server's binary.</summary>
    public required DeploymentEnvironment Environment { get; init; }
    public required string Routes { get; init; }
    public required LogLevel LogLevel { get; init; }

    public int BusPort { get; init; } = DefaultBusPort;
    public int RaftPort { get; init; } = DefaultRaftPort;
    public int AppPort { get; init; } = DefaultAppPort;
    public string DataDirectory { get; init; } = DefaultDataDirectory;
    public string BinaryPath { get; init; } = DefaultBinaryPath;

    /// <summary>
    /// How every server starts the binary, through its one interface: the fleet-wide settings here, and
    /// who the server is (Services, node id and name, peers, telemetry attributes) from the identity
    /// file each server writes at boot from its peer-table row (<see cref="NodeIdentity"/>).
    /// </summary>
    public BinaryLaunch Launch() => new()
    {
        Services = [],
        NodeId = "",
        NodeName = "",
        Peers = [],
        SetAtStart = NodeIdentity.Settings,
        HttpAddress = $":{AppPort}",
        BusAddress = $":{BusPort}",
        Raft = new BinaryRaft($":{RaftPort}", RaftPeersFilePath, DataDirectory),
        Environment = Environment,
        Routes = Routes,
        LogLevel = LogLevel,
        // The binary sends OTLP to the collector agent on the same server, which forwards it.
        OtlpEndpoint = $"http://{OtelCollectorAgent.LocalGrpcEndpoint}",
    };

    public FleetProvisioningSpec Validate()
    {
        const string where = "fleet";
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

        if (SessionManager?.Package is null)
            throw new ProvisioningException($"{where}: no Session Manager agent download given; without it nobody can get a shell on a server.");

        if (Peers is null || Peers.Count == 0)
            throw new ProvisioningException($"{where}: the peer table is empty; give every server's node id, name, static address and Services.");
        foreach (var peer in Peers) ValidatePeer(peer);
        Unique(p => p.NodeId, "node id", "node ids must be unique");
        Unique(p => p.Name, "server name", "server names must be unique");
        Unique(p => p.Address.ToString(), "static address", "each server needs its own static address (a booting server finds its row by it)");
        return this;
    }

    private void ValidatePeer(FleetPeer peer)
    {
        if (!NamePattern().IsMatch(peer.NodeId ?? ""))
            throw new ProvisioningException(
                $"fleet: node id '{peer.NodeId}': use 1-63 lowercase letters, digits and '-', starting with a letter (e.g. dc9-server-0).");
        var where = $"server '{peer.NodeId}'";
        if (!NamePattern().IsMatch(peer.Name ?? ""))
            throw new ProvisioningException($"{where}: server name '{peer.Name}' is invalid; use lowercase letters, digits and '-', starting with a letter.");
        if (peer.Services is null || peer.Services.Count == 0)
            throw new ProvisioningException(
                $"{where}: no Services given. A binary is always told its Services explicitly; an empty list is an error, never 'run everything'. List at least one Service in the placement.");
        foreach (var service in peer.Services)
            if (!NamePattern().IsMatch(service ?? ""))
                throw new ProvisioningException(
                    $"{where}: Service name '{service}' is invalid; use lowercase letters, digits and '-', starting with a letter.");
        if (peer.Services.Distinct().Count() != peer.Services.Count)
            throw new ProvisioningException($"{where}: Services [{string.Join(", ", peer.Services)}] list a Service twice; list each once.");
        if (peer.Port != RaftPort)
            throw new ProvisioningException(
                $"{where}: RAFT port {peer.Port} but this fleet's RAFT port is {RaftPort}; one port for all keeps the security groups exact.");
    }

    private void Unique(Func<FleetPeer, string> key, string what, string how)
    {
        var duplicate = Peers.GroupBy(key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ProvisioningException(
                $"fleet: servers {string.Join(" and ", duplicate.Select(p => p.NodeId))} share the {what} {duplicate.Key}; {how}.");
    }

    // Names also land in YAML (collector config) read by YAML 1.1 parsers, where these words are booleans or null.
    [GeneratedRegex("^(?!(y|n|yes|no|on|off|true|false|null)$)[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^(/[A-Za-z0-9._-]+)+$")]
    private static partial Regex PathPattern();
}

namespace Infra.Platform.Provisioning;

/// <summary>
/// User-data for a whole fleet. Every server's document is the same except for its node id and its
/// Services, and most of its bytes are the shared peer list; so the document is serialized once, with
/// stand-ins for those two values, and each server's copy is a substitution. Output is byte-identical to
/// <see cref="CloudInitUserData.Render"/> (a test holds them equal), at a fraction of the cost for large fleets.
/// </summary>
public sealed class FleetUserData
{
    // Valid node/service names, so the template passes the same renderers; unlikely in real text.
    private const string NodeStandIn = "zzfleetnodezz";
    private const string ServicesStandIn = "zzfleetserviceszz";

    private readonly ServerProvisioningSpec shared;
    private readonly Dictionary<string, RaftPeer> peersById;
    /// <summary>The template cut at each stand-in: literal text, then a stand-in, alternating.</summary>
    private readonly string[] parts;

    /// <param name="shared">A valid spec of any one server of the fleet; its peers, downloads and ports are the fleet's.</param>
    public FleetUserData(ServerProvisioningSpec shared)
    {
        this.shared = shared.Validate();
        // A stand-in inside shared text (a URL, a peer id) would be substituted too: refuse it.
        string[] sharedText = [shared.Binary.Url.AbsoluteUri, shared.Telemetry.Package.Url.AbsoluteUri, shared.Telemetry.OtlpEndpoint, .. shared.Peers.Select(p => p.NodeId)];
        if (sharedText.Any(t => t.Contains(NodeStandIn, StringComparison.Ordinal) || t.Contains(ServicesStandIn, StringComparison.Ordinal)))
            throw new ProvisioningException($"fleet user-data: '{NodeStandIn}' and '{ServicesStandIn}' are reserved; rename the node or URL that contains one.");
        var standIn = shared with { NodeId = NodeStandIn, Services = [ServicesStandIn] };
        var template = CloudInitUserData.Write(standIn, CloudInitUserData.RenderPeers(shared));
        parts = System.Text.RegularExpressions.Regex.Split(template, $"({NodeStandIn}|{ServicesStandIn})");
        peersById = shared.Peers.ToDictionary(p => p.NodeId, StringComparer.Ordinal);
    }

    /// <summary>The user-data of one server of the fleet, validated like a single render.</summary>
    public string Render(string nodeId, IReadOnlyList<string> services)
    {
        // Validates names, Services and membership without re-checking the shared peer list each time.
        if (!peersById.TryGetValue(nodeId, out var self))
            throw new ProvisioningException($"server '{nodeId}': not in its own RAFT peer list; every server must be a peer.");
        _ = (shared with { NodeId = nodeId, Services = services, Peers = [self] }).Validate();
        var csv = string.Join(',', services);
        var text = new System.Text.StringBuilder(parts.Sum(p => p.Length) + 256);
        foreach (var part in parts)
            text.Append(part switch { NodeStandIn => nodeId, ServicesStandIn => csv, _ => part });
        return text.ToString();
    }
}

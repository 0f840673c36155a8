using System.Text.Json.Serialization;

namespace Infra.Platform.Provisioning;

/// <summary>One line of the peer file the platform binary reads: {"id": "...", "address": "ip:port"}.</summary>
public sealed record PeerEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("address")] string Address);

/// <summary>Source-generated JSON for the peer file: no reflection at start-up, fixed property order.</summary>
[JsonSerializable(typeof(PeerEntry))]
internal sealed partial class PeerJson : JsonSerializerContext;

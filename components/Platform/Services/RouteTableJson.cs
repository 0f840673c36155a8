using System.Text.Json.Serialization;

namespace Infra.Platform.Services;

/// <summary>One route in the canonical JSON of <see cref="RouteTable"/>: the wire names every tier's router reads.</summary>
internal sealed record RouteJson(
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("pathPrefix")] string PathPrefix,
    [property: JsonPropertyName("service")] string Service);

/// <summary>Source-generated serialization of the route table (no reflection: the compiler runs natively).</summary>
[JsonSerializable(typeof(List<RouteJson>))]
internal sealed partial class RouteTableJson : JsonSerializerContext;

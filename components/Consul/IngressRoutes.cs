using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Software.Consul;

/// <summary>One row of the platform's route table, as the ingress needs it.</summary>
public sealed record IngressRow(string Host, string PathPrefix, string Service);

/// <summary>
/// The route table (the one every tier uses) as Consul config entries: an ingress gateway listening for HTTP with
/// one service per host, and per host a service-router that sends each path prefix to its Service. Envoy (the
/// region's ingress gateway) receives them over xDS from Consul; nothing routes outside this table.
/// </summary>
public static class IngressRoutes
{
    public const string GatewayName = "ingress-gateway";
    public const int ListenerPort = 8080;

    private static readonly JsonSerializerOptions Compact = new();

    /// <summary>The virtual service that stands for a host in the mesh.</summary>
    public static string HostService(string host) => $"host-{host}";

    public static string Gateway(IReadOnlyList<IngressRow> routes, string domain) => new JsonObject
    {
        ["Kind"] = "ingress-gateway",
        ["Name"] = GatewayName,
        ["Listeners"] = new JsonArray(new JsonObject
        {
            ["Port"] = ListenerPort,
            ["Protocol"] = "http",
            ["Services"] = new JsonArray(routes.Select(r => r.Host).Distinct().Order(StringComparer.Ordinal)
                .Select(h => (JsonNode?)new JsonObject { ["Name"] = HostService(h), ["Hosts"] = new JsonArray($"{h}.{domain}") }).ToArray()),
        }),
    }.ToJsonString(Compact);

    /// <summary>One router per host; longest prefixes first, as every tier orders them.</summary>
    public static IReadOnlyDictionary<string, string> Routers(IReadOnlyList<IngressRow> routes) =>
        routes.GroupBy(r => r.Host).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new JsonObject
        {
            ["Kind"] = "service-router",
            ["Name"] = HostService(g.Key),
            ["Routes"] = new JsonArray(g.OrderByDescending(r => r.PathPrefix.Length).ThenBy(r => r.PathPrefix, StringComparer.Ordinal)
                .Select(r => (JsonNode?)new JsonObject
                {
                    ["Match"] = new JsonObject { ["HTTP"] = new JsonObject { ["PathPrefix"] = r.PathPrefix } },
                    ["Destination"] = new JsonObject { ["Service"] = r.Service },
                }).ToArray()),
        }.ToJsonString(Compact));
}

/// <summary>Protocol defaults: the routers and the ingress need HTTP on every service they touch.</summary>
public static class ServiceDefaults
{
    public static string Http(string service) => new JsonObject
    {
        ["Kind"] = "service-defaults", ["Name"] = service, ["Protocol"] = "http",
    }.ToJsonString();
}

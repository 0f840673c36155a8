using System.Text.Json.Nodes;
using Infra.Software.Consul;
using Infra.Software.Nomad;
using static Infra.Software.Nomad.NomadJson;

namespace Infra.Software.Envoy;

/// <summary>
/// The region's ingress: Envoy as a Consul Connect ingress gateway, run by Nomad on every node of the k3s class (a
/// system job, so the load balancer's targets are simply that node group; only those hosts route to pod addresses).
/// Envoy itself runs unprivileged. Consul serves its routes over xDS from the route
/// table (<see cref="IngressRoutes"/>); Nomad starts the pinned Envoy image (the clients' gateway_image meta) and
/// registers the gateway with its health check.
/// </summary>
public static class IngressGatewayJob
{
    public const string Id = "ingress-gateway";

    public static JsonObject Build(string region, string datacenter, IReadOnlyList<string> hosts, string domain) => new()
    {
        ["ID"] = Id,
        ["Name"] = Id,
        ["Region"] = region,
        ["Datacenters"] = Strings([datacenter]),
        ["Type"] = "system",
        ["Priority"] = 80,
        ["Constraints"] = Array(OnNodeClass(NodeClass.K3s)),
        ["Update"] = new JsonObject { ["MaxParallel"] = 1, ["MinHealthyTime"] = Ns(TimeSpan.FromSeconds(10)), ["HealthyDeadline"] = Ns(TimeSpan.FromMinutes(5)) },
        ["TaskGroups"] = Array(new JsonObject
        {
            ["Name"] = "gateway",
            ["Count"] = 1,
            ["RestartPolicy"] = Restart(),
            ["Networks"] = Array(new JsonObject
            {
                ["Mode"] = "bridge",
                ["ReservedPorts"] = Array(new JsonObject { ["Label"] = "inbound", ["Value"] = IngressRoutes.ListenerPort, ["To"] = IngressRoutes.ListenerPort }),
            }),
            ["Services"] = Array(new JsonObject
            {
                ["Name"] = IngressRoutes.GatewayName,
                ["PortLabel"] = "inbound",
                ["Provider"] = "consul",
                ["Checks"] = Array(TcpCheck("listener", "inbound")),
                ["Connect"] = new JsonObject
                {
                    ["Gateway"] = new JsonObject
                    {
                        ["Proxy"] = new JsonObject { ["ConnectTimeout"] = Ns(TimeSpan.FromSeconds(5)) },
                        ["Ingress"] = new JsonObject
                        {
                            ["Listeners"] = Array(new JsonObject
                            {
                                ["Port"] = IngressRoutes.ListenerPort,
                                ["Protocol"] = "http",
                                ["Services"] = new JsonArray(hosts.Distinct().Order(StringComparer.Ordinal).Select(h => (JsonNode?)new JsonObject
                                {
                                    ["Name"] = IngressRoutes.HostService(h),
                                    ["Hosts"] = Strings([$"{h}.{domain}"]),
                                }).ToArray()),
                            }),
                        },
                    },
                },
            }),
        }),
    };
}

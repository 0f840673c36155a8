using System.Text.Json.Nodes;

namespace Infra.Software.Consul;

/// <summary>
/// Values of the consul-k8s Helm chart (pinned, <see cref="ConsulVersion.ChartVersion"/>) that connect a k3s
/// cluster's pods to the region's external Consul servers: no servers in Kubernetes, the servers found by the
/// same EC2 tag the agents use, TLS verified against the region's CA by role name, ACLs managed by the chart
/// from the bootstrap token (a Kubernetes secret the program creates), connect injection on request. The servers are
/// reached through the region's internal load balancer (no cloud credentials in pods: IMDS stays one hop).
/// </summary>
public static class ConsulK8sValues
{
    public const string CaSecret = "consul-ca-cert", BootstrapTokenSecret = "consul-bootstrap-token";

    public static JsonObject Render(string datacenter, string serversHost, string kubernetesApi) => new()
    {
        ["global"] = new JsonObject
        {
            ["name"] = "consul",
            ["datacenter"] = datacenter,
            ["image"] = $"docker.io/hashicorp/consul:{ConsulVersion.Version}",
            ["imageK8S"] = $"docker.io/hashicorp/consul-k8s-control-plane:{ConsulVersion.ChartVersion}",
            ["imageConsulDataplane"] = "docker.io/hashicorp/consul-dataplane:1.6.2",
            ["tls"] = new JsonObject
            {
                ["enabled"] = true,
                ["enableAutoEncrypt"] = false,
                ["caCert"] = new JsonObject { ["secretName"] = CaSecret, ["secretKey"] = "tls.crt" },
            },
            ["acls"] = new JsonObject
            {
                ["manageSystemACLs"] = true,
                ["bootstrapToken"] = new JsonObject { ["secretName"] = BootstrapTokenSecret, ["secretKey"] = "token" },
            },
        },
        ["server"] = new JsonObject { ["enabled"] = false },
        ["externalServers"] = new JsonObject
        {
            ["enabled"] = true,
            ["hosts"] = new JsonArray(serversHost),
            ["httpsPort"] = ConsulAgentConfig.HttpsPort,
            ["grpcPort"] = ConsulAgentConfig.GrpcTlsPort,
            ["tlsServerName"] = ConsulAgentConfig.ServerName(datacenter),
            ["useSystemRoots"] = false,
            ["k8sAuthMethodHost"] = kubernetesApi,
        },
        ["connectInject"] = new JsonObject { ["enabled"] = true, ["default"] = false },
    };
}

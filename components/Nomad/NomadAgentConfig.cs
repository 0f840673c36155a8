using System.Text.Json.Nodes;

namespace Infra.Software.Nomad;

/// <summary>Where a Nomad agent finds its TLS files and secrets on the host (written at boot, see the cloud-init).</summary>
public sealed record NomadAgentPaths(string CaFile, string CertFile, string KeyFile)
{
    public static readonly NomadAgentPaths Default = new("/etc/nomad.d/tls/ca.pem", "/etc/nomad.d/tls/agent.pem", "/etc/nomad.d/tls/agent-key.pem");
}

/// <summary>
/// The JSON a Nomad agent loads (<c>/etc/nomad.d/nomad.json</c>). Secure by construction: gossip encryption
/// (servers), mutual TLS on HTTP and RPC with the role name verified (<c>server.REGION.nomad</c>, so the ASG
/// can replace a server without a new certificate), ACLs on. Servers find each other by EC2 tag (cloud
/// auto-join), clients find servers through the local Consul agent. Secrets are not in this file:
/// <paramref name="gossipKey"/> is what the boot script substitutes (a shell variable), never a literal key.
/// </summary>
public static class NomadAgentConfig
{
    public const int HttpPort = 4646, RpcPort = 4647, SerfPort = 4648;

    public static string Server(string region, string datacenter, int bootstrapExpect, string joinTagKey, string joinTagValue, string gossipKey,
        NomadAgentPaths? paths = null)
    {
        var config = Common(region, datacenter, paths ?? NomadAgentPaths.Default);
        config["server"] = new JsonObject
        {
            ["enabled"] = true,
            ["bootstrap_expect"] = bootstrapExpect,
            ["encrypt"] = gossipKey,
            ["server_join"] = new JsonObject
            {
                ["retry_join"] = NomadJson.Strings([$"provider=aws tag_key={joinTagKey} tag_value={joinTagValue}"]),
            },
        };
        return config.ToJsonString(NomadJson.Indented);
    }

    /// <summary>
    /// A client of one node class. Docker may run privileged containers only on the k3s class; every other
    /// class refuses them in the driver, whatever a job asks for.
    /// </summary>
    /// <param name="envoyImage">The pinned Envoy Nomad starts for Connect gateways and sidecars (never Nomad's default, which follows Consul).</param>
    /// <summary>The longest kill timeout a job may ask for on the worker class.</summary>
    public const string MaxKillTimeout = "60s";

    public static string Client(string region, string datacenter, NodeClass nodeClass, string envoyImage, NomadAgentPaths? paths = null)
    {
        var config = Common(region, datacenter, paths ?? NomadAgentPaths.Default);
        config["client"] = new JsonObject
        {
            ["enabled"] = true,
            ["node_class"] = nodeClass.Name(),
            ["cni_path"] = "/usr/lib/cni",
            ["meta"] = new JsonObject
            {
                ["node-class"] = nodeClass.Name(),
                ["connect.gateway_image"] = envoyImage,
                ["connect.sidecar_image"] = envoyImage,
            },
        };
        // NATS stops in lame duck (30 s) on its kill signal; Nomad caps a job's kill timeout at this (default 30 s).
        if (nodeClass == NodeClass.Worker) config["client"]!["max_kill_timeout"] = MaxKillTimeout;
        config["plugin"] = new JsonObject
        {
            ["docker"] = new JsonObject
            {
                ["config"] = new JsonObject
                {
                    ["allow_privileged"] = nodeClass == NodeClass.K3s,
                    ["volumes"] = new JsonObject { ["enabled"] = nodeClass == NodeClass.K3s },
                },
            },
        };
        return config.ToJsonString(NomadJson.Indented);
    }

    private static JsonObject Common(string region, string datacenter, NomadAgentPaths paths) => new()
    {
        ["region"] = region,
        ["datacenter"] = datacenter,
        ["data_dir"] = "/opt/nomad/data",
        ["bind_addr"] = "0.0.0.0",
        ["log_json"] = true,
        ["ports"] = new JsonObject { ["http"] = HttpPort, ["rpc"] = RpcPort, ["serf"] = SerfPort },
        ["acl"] = new JsonObject { ["enabled"] = true },
        ["tls"] = new JsonObject
        {
            ["http"] = true,
            ["rpc"] = true,
            ["ca_file"] = paths.CaFile,
            ["cert_file"] = paths.CertFile,
            ["key_file"] = paths.KeyFile,
            ["verify_server_hostname"] = true,
            ["verify_https_client"] = true,
        },
        // Clients find servers, and register services, through the local Consul agent (TLS on its HTTPS port).
        ["consul"] = new JsonObject
        {
            ["address"] = "127.0.0.1:8501",
            ["ssl"] = true,
            ["ca_file"] = "/etc/consul.d/tls/ca.pem",
            ["grpc_address"] = "127.0.0.1:8503",
            ["grpc_ca_file"] = "/etc/consul.d/tls/ca.pem",
            ["token"] = "${CONSUL_AGENT_TOKEN}",
        },
        ["telemetry"] = new JsonObject { ["publish_allocation_metrics"] = true, ["publish_node_metrics"] = true, ["prometheus_metrics"] = true },
    };

    /// <summary>The TLS name of a region's Nomad servers (what clients verify): Nomad's convention.</summary>
    public static string ServerName(string region) => $"server.{region}.nomad";

    public static string ClientName(string region) => $"client.{region}.nomad";
}

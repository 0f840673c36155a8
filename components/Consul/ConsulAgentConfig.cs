using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Software.Consul;

/// <summary>Where a Consul agent finds its TLS files on the host (written at boot from the region's parameters).</summary>
public sealed record ConsulAgentPaths(string CaFile, string CertFile, string KeyFile)
{
    public static readonly ConsulAgentPaths Default = new("/etc/consul.d/tls/ca.pem", "/etc/consul.d/tls/agent.pem", "/etc/consul.d/tls/agent-key.pem");
}

/// <summary>
/// The JSON a Consul agent loads (<c>/etc/consul.d/consul.json</c>). Secure by construction: gossip encrypted
/// (<c>encrypt</c>, with incoming and outgoing verification), TLS everywhere with
/// <c>verify_incoming</c>/<c>verify_outgoing</c>/<c>verify_server_hostname</c> (servers present the role name
/// <c>server.DC.consul</c>, so a replaced server needs no new certificate), ACLs on with default deny. Agents find
/// the servers by EC2 tag. Secret values are shell variables the boot script substitutes (envsubst), never literals.
/// </summary>
public static class ConsulAgentConfig
{
    public const int HttpsPort = 8501, GrpcTlsPort = 8503, SerfLanPort = 8301, ServerRpcPort = 8300;

    /// <summary>The variables the boot script substitutes, and only these (other $ signs stay).</summary>
    public const string GossipKeyVariable = "${CONSUL_GOSSIP_KEY}", AgentTokenVariable = "${CONSUL_AGENT_TOKEN}",
        ManagementTokenVariable = "${CONSUL_MANAGEMENT_TOKEN}";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Server(string datacenter, int bootstrapExpect, string joinTagKey, string joinTagValue, ConsulAgentPaths? paths = null)
    {
        var config = Common(datacenter, joinTagKey, joinTagValue, paths ?? ConsulAgentPaths.Default, server: true);
        config["server"] = true;
        config["bootstrap_expect"] = bootstrapExpect;
        config["ui_config"] = new JsonObject { ["enabled"] = true };
        // Connect: the servers are the control plane that serves xDS to Envoy (through each host's agent).
        config["connect"] = new JsonObject { ["enabled"] = true };
        // Pulumi generates the bootstrap token; `consul acl bootstrap` is never run by hand.
        ((JsonObject)((JsonObject)config["acl"]!)["tokens"]!)["initial_management"] = ManagementTokenVariable;
        return config.ToJsonString(Indented);
    }

    public static string Client(string datacenter, string joinTagKey, string joinTagValue, ConsulAgentPaths? paths = null) =>
        Common(datacenter, joinTagKey, joinTagValue, paths ?? ConsulAgentPaths.Default, server: false).ToJsonString(Indented);

    /// <summary>Clients carry their own certificate (client.DC.consul) from the same CA; no auto_encrypt round trip at boot.</summary>
    private static JsonObject Common(string datacenter, string joinTagKey, string joinTagValue, ConsulAgentPaths paths, bool server) => new()
    {
        ["datacenter"] = datacenter,
        ["data_dir"] = "/opt/consul",
        ["bind_addr"] = "{{ GetPrivateIP }}",
        ["client_addr"] = "0.0.0.0",
        ["log_json"] = true,
        ["retry_join"] = new JsonArray($"provider=aws tag_key={joinTagKey} tag_value={joinTagValue}"),
        ["encrypt"] = GossipKeyVariable,
        ["encrypt_verify_incoming"] = true,
        ["encrypt_verify_outgoing"] = true,
        // Plain HTTP and gRPC are off: the APIs answer on their TLS ports only.
        ["ports"] = new JsonObject { ["http"] = -1, ["https"] = HttpsPort, ["grpc"] = -1, ["grpc_tls"] = GrpcTlsPort },
        ["tls"] = new JsonObject
        {
            ["defaults"] = new JsonObject
            {
                ["ca_file"] = paths.CaFile,
                ["cert_file"] = paths.CertFile,
                ["key_file"] = paths.KeyFile,
                ["verify_incoming"] = true,
                ["verify_outgoing"] = true,
            },
            ["internal_rpc"] = new JsonObject { ["verify_server_hostname"] = true },
            // Envoy and the dataplanes present no client certificate on gRPC; they authenticate with ACL tokens.
            ["grpc"] = new JsonObject { ["verify_incoming"] = false },
            // Browsers and the local tools reach the HTTPS API with tokens, not client certificates.
            ["https"] = new JsonObject { ["verify_incoming"] = false },
        },
        ["acl"] = new JsonObject
        {
            ["enabled"] = true,
            ["default_policy"] = "deny",
            ["down_policy"] = "extend-cache",
            ["enable_token_persistence"] = true,
            ["tokens"] = new JsonObject { ["agent"] = AgentTokenVariable },
        },
        ["telemetry"] = new JsonObject { ["prometheus_retention_time"] = "60s", ["disable_hostname"] = true },
    };

    /// <summary>The TLS name of a datacenter's Consul servers, which every agent verifies.</summary>
    public static string ServerName(string datacenter) => $"server.{datacenter}.consul";

    public static string ClientName(string datacenter) => $"client.{datacenter}.consul";
}

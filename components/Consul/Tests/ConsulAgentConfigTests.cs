using System.Text.Json.Nodes;
using Infra.Software.Consul;

namespace Infra.Tests.Software;

/// <summary>The Consul agent JSON holds the keys that secure the cluster (encrypt, TLS verification, ACLs default deny).</summary>
public class ConsulAgentConfigTests
{
    public static TheoryData<string> Configs => new(
        ConsulAgentConfig.Server("london", 3, "consul-join", "stack-london"),
        ConsulAgentConfig.Client("london", "consul-join", "stack-london"));

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_agent_encrypts_gossip_verifies_TLS_and_denies_by_default(string text)
    {
        var config = JsonNode.Parse(text)!;
        Assert.Equal(ConsulAgentConfig.GossipKeyVariable, (string)config["encrypt"]!);
        Assert.True((bool)config["encrypt_verify_incoming"]! && (bool)config["encrypt_verify_outgoing"]!);
        var defaults = config["tls"]!["defaults"]!;
        Assert.True((bool)defaults["verify_incoming"]!);
        Assert.True((bool)defaults["verify_outgoing"]!);
        Assert.True((bool)config["tls"]!["internal_rpc"]!["verify_server_hostname"]!);
        Assert.True((bool)config["acl"]!["enabled"]!);
        Assert.Equal("deny", (string)config["acl"]!["default_policy"]!);
        // Plain-text API ports are off.
        Assert.Equal(-1, (int)config["ports"]!["http"]!);
        Assert.Equal(-1, (int)config["ports"]!["grpc"]!);
        Assert.Equal(["provider=aws tag_key=consul-join tag_value=stack-london"], config["retry_join"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void Servers_take_the_bootstrap_token_Pulumi_generated()
    {
        var config = JsonNode.Parse(ConsulAgentConfig.Server("london", 3, "k", "v"))!;
        Assert.True((bool)config["server"]!);
        Assert.Equal(ConsulAgentConfig.ManagementTokenVariable, (string)config["acl"]!["tokens"]!["initial_management"]!);
        Assert.Null(JsonNode.Parse(ConsulAgentConfig.Client("london", "k", "v"))!["acl"]!["tokens"]!["initial_management"]);
    }

    [Fact]
    public void Consul_k8s_uses_the_external_servers_by_role_name_with_managed_ACLs()
    {
        var values = ConsulK8sValues.Render("london", "internal-lb.example", "https://internal-lb.example:6443");
        Assert.False((bool)values["server"]!["enabled"]!);
        Assert.True((bool)values["externalServers"]!["enabled"]!);
        Assert.Equal("server.london.consul", (string)values["externalServers"]!["tlsServerName"]!);
        Assert.Equal("internal-lb.example", (string)values["externalServers"]!["hosts"]![0]!);
        Assert.True((bool)values["global"]!["acls"]!["manageSystemACLs"]!);
        Assert.True((bool)values["global"]!["tls"]!["enabled"]!);
        Assert.DoesNotContain(":latest", values.ToJsonString());
    }

    [Fact]
    public void The_route_table_becomes_one_router_per_host_longest_prefix_first()
    {
        var routers = IngressRoutes.Routers([new("api", "/", "gateway"), new("api", "/accounts/", "accounts"), new("events", "/", "events")]);
        Assert.Equal(["api", "events"], routers.Keys);
        var api = JsonNode.Parse(routers["api"])!;
        Assert.Equal("host-api", (string)api["Name"]!);
        Assert.Equal(["/accounts/", "/"], api["Routes"]!.AsArray().Select(r => (string)r!["Match"]!["HTTP"]!["PathPrefix"]!));
        Assert.Equal(["accounts", "gateway"], api["Routes"]!.AsArray().Select(r => (string)r!["Destination"]!["Service"]!));
    }
}

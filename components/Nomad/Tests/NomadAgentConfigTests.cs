using System.Text.Json.Nodes;
using Infra.Software.Nomad;

namespace Infra.Tests.Software;

/// <summary>The Nomad agent JSON holds the keys that secure the cluster, and privileged Docker only on the k3s class.</summary>
public class NomadAgentConfigTests
{
    private static JsonNode Server() => JsonNode.Parse(NomadAgentConfig.Server("london", "london", 3, "nomad-join", "stack-london", "${NOMAD_GOSSIP_KEY}"))!;

    [Fact]
    public void Servers_encrypt_gossip_verify_TLS_both_ways_and_enable_ACLs()
    {
        var config = Server();
        Assert.Equal("${NOMAD_GOSSIP_KEY}", (string)config["server"]!["encrypt"]!);
        Assert.Equal(3, (int)config["server"]!["bootstrap_expect"]!);
        Assert.True((bool)config["acl"]!["enabled"]!);
        var tls = config["tls"]!;
        Assert.True((bool)tls["http"]! && (bool)tls["rpc"]!);
        Assert.True((bool)tls["verify_server_hostname"]!);
        Assert.True((bool)tls["verify_https_client"]!);
        Assert.Equal(["provider=aws tag_key=nomad-join tag_value=stack-london"], config["server"]!["server_join"]!["retry_join"]!.AsArray().Select(v => (string)v!));
    }

    [Theory]
    [InlineData(NodeClass.K3s, true)]
    [InlineData(NodeClass.Worker, false)]
    public void Only_the_k3s_class_allows_privileged_containers_and_host_volumes(NodeClass nodeClass, bool privileged)
    {
        var config = JsonNode.Parse(NomadAgentConfig.Client("london", "london", nodeClass, "docker.io/envoyproxy/envoy:v1.32.3"))!;
        Assert.Equal(nodeClass.Name(), (string)config["client"]!["node_class"]!);
        Assert.Equal(privileged, (bool)config["plugin"]!["docker"]!["config"]!["allow_privileged"]!);
        Assert.Equal(privileged, (bool)config["plugin"]!["docker"]!["config"]!["volumes"]!["enabled"]!);
        Assert.True((bool)config["acl"]!["enabled"]!);
        Assert.True((bool)config["tls"]!["verify_server_hostname"]!);
        Assert.Null(config["server"]);
        Assert.Equal("docker.io/envoyproxy/envoy:v1.32.3", (string)config["client"]!["meta"]!["connect.gateway_image"]!);
    }

    [Fact]
    public void Certificates_are_named_by_role_not_address()
    {
        Assert.Equal("server.london.nomad", NomadAgentConfig.ServerName("london"));
        Assert.Equal("client.london.nomad", NomadAgentConfig.ClientName("london"));
    }

    [Fact]
    public void Durations_are_integer_nanoseconds() => Assert.Equal(30_000_000_000L, NomadJson.Ns(TimeSpan.FromSeconds(30)));
}

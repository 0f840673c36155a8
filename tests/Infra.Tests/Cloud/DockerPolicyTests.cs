using Infra.Policies.Inspection;
using Infra.Providers;
using Infra.Synthesis;
using Infra.Tests.Policies;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Cloud;

/// <summary>CLD-014 (Docker names) and CLD-015 (Docker limits, ports, image references).</summary>
public sealed class DockerPolicyTests
{
    [Theory]
    [InlineData("a", "at least two characters")]
    [InlineData("-app", "at least two characters, starting with a letter or digit")]
    [InlineData("laptop app", "contains ' '")]
    [InlineData("laptop:app", "contains ':'")]
    public void Cld014_flags_container_names_the_engine_rejects(string name, string fragment)
    {
        var f = new PolicyFixture(Infra.Platform.Tier.Laptop);
        f.Add("app", Tokens.DockerContainer, ("name", name), ("image", "busybox:1.36.1"));
        f.AssertOne("CLD-014", "app", "name", fragment);
    }

    [Fact]
    public void Cld014_passes_valid_names_and_checks_local_volume_names_too()
    {
        var ok = new PolicyFixture(Infra.Platform.Tier.Laptop);
        ok.Add("app", Tokens.DockerContainer, ("name", "/laptop_app-1.x"), ("image", "busybox:1.36.1"));
        ok.Add("data", Tokens.DockerVolume, ("name", "laptop-pg-data"));
        ok.Add("nfs", Tokens.DockerVolume, ("name", "nfs:share"), ("driver", "nfs")); // other drivers have their own rules
        ok.AssertNone("CLD-014");

        var f = new PolicyFixture(Infra.Platform.Tier.Laptop);
        f.Add("data", Tokens.DockerVolume, ("name", "laptop:pg"));
        f.AssertOne("CLD-014", "data", "name", "contains ':'");
    }

    [Fact]
    public void Cld014_container_and_network_names_are_unique_per_docker_host_only()
    {
        var f = new PolicyFixture(Infra.Platform.Tier.OnPrem3);
        var host1 = new ResourceOptions { Provider = new ProviderResource(f.Blueprint, "docker-server-1", "docker", PinnedProviders.VersionOf("docker")) };
        var host2 = new ResourceOptions { Provider = new ProviderResource(f.Blueprint, "docker-server-2", "docker", PinnedProviders.VersionOf("docker")) };
        f.Add("server-1-db", Tokens.DockerContainer, host1, ("name", "onprem3-db"), ("image", "postgres:17"));
        f.Add("server-2-db", Tokens.DockerContainer, host2, ("name", "onprem3-db"), ("image", "postgres:17"));
        f.Add("server-1-db-copy", Tokens.DockerContainer, host1, ("name", "onprem3-db"), ("image", "postgres:17"));
        f.Add("net-a", Tokens.DockerNetwork, host1, ("name", "platform"));
        f.Add("net-b", Tokens.DockerNetwork, host2, ("name", "platform"));
        f.AssertOne("CLD-014", "server-1-db-copy", "name", "the name of server-1-db on the same Docker host (docker-server-1)");
    }

    [Fact]
    public void Cld015_memory_of_at_least_6_mb_and_ports_within_1_to_65535()
    {
        var f = new PolicyFixture(Infra.Platform.Tier.Laptop);
        f.Add("app", Tokens.DockerContainer, ("image", "busybox:1.36.1"), ("memory", 5),
            ("ports", List(Obj(("internal", 8080), ("external", 65536)))));
        var problems = f.Run("CLD-015").Select(v => v.Property).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["memory", "ports[0].external"], problems);

        var ok = new PolicyFixture(Infra.Platform.Tier.Laptop);
        ok.Add("app", Tokens.DockerContainer, ("image", "busybox:1.36.1"), ("memory", 6), ("ports", List(Obj(("internal", 1), ("external", 65535)))));
        ok.AssertNone("CLD-015");
    }

    [Theory]
    [InlineData("docker.io/library/busybox:1.36.1", true)]
    [InlineData("quay.io/coreos/etcd:v3.5.17", true)]
    [InlineData("localhost:5000/infra-patroni:17.2-bookworm-r1", true)]
    [InlineData("ghcr.io/acme/platform@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("Busybox:1.36.1", false)]
    [InlineData("busybox:", false)]
    [InlineData("busybox:-latest", false)]
    [InlineData("busybox latest", false)]
    public void Cld015_image_references_follow_the_distribution_grammar(string image, bool valid)
    {
        var f = new PolicyFixture(Infra.Platform.Tier.Laptop);
        f.Add("image", Tokens.DockerRemoteImage, ("name", image));
        if (valid) f.AssertNone("CLD-015");
        else f.AssertOne("CLD-015", "image", "name", "is not a valid image reference");
    }
}

using System.Text.Json.Nodes;
using Infra.Software.Consul;
using Infra.Software.Envoy;
using Infra.Software.Nomad;
using Infra.Tests.Support;

namespace Infra.Tests.Software;

/// <summary>Every Envoy configuration the suite writes passes ../shared/validators/envoy strictly; Envoy is one Consul serves.</summary>
public class EnvoyConfigTests
{
    [Fact]
    public void The_tracing_escape_hatch_is_a_valid_Tracing_message()
    {
        var (ok, output) = SharedValidators.Envoy(new Dictionary<string, string> { ["tracing"] = EnvoyTracing.Tracing("platform-mesh") }, "envoy.config.trace.v3.Tracing");
        Assert.True(ok, output);
    }

    [Fact]
    public void The_collector_cluster_escape_hatch_is_a_valid_Cluster_message()
    {
        var (ok, output) = SharedValidators.Envoy(new Dictionary<string, string> { ["cluster"] = EnvoyTracing.CollectorClusterJson("otel-collector.platform.svc", 4317) },
            "envoy.config.cluster.v3.Cluster");
        Assert.True(ok, output);
    }

    [Fact]
    public void The_validator_rejects_a_broken_cluster_so_the_checks_above_mean_something()
    {
        var broken = EnvoyTracing.CollectorClusterJson("otel", 4317).Replace("\"connect_timeout\":\"1s\"", "\"connect_timeout\":\"0s\"");
        var (ok, _) = SharedValidators.Envoy(new Dictionary<string, string> { ["cluster"] = broken }, "envoy.config.cluster.v3.Cluster");
        Assert.False(ok);
    }

    [Fact]
    public void The_proxy_defaults_carry_both_escape_hatches_as_strings()
    {
        var entry = JsonNode.Parse(EnvoyTracing.ProxyDefaults("otel", 4317))!;
        Assert.Equal("proxy-defaults", (string)entry["Kind"]!);
        Assert.Equal(EnvoyTracing.Tracing("platform-mesh"), (string)entry["Config"]!["envoy_tracing_json"]!);
        Assert.Equal(EnvoyTracing.CollectorClusterJson("otel", 4317), (string)entry["Config"]!["envoy_extra_static_clusters_json"]!);
    }

    [Fact]
    public void Envoy_is_a_version_Consul_serves_xDS_to()
    {
        Assert.Contains(EnvoyVersion.Minor, ConsulVersion.EnvoyMinors);
        Assert.EndsWith(":v" + EnvoyVersion.Version, EnvoyVersion.Image);
    }

    [Fact]
    public void The_ingress_gateway_job_is_valid_Nomad_API_JSON_on_the_k3s_class_and_unprivileged()
    {
        var job = IngressGatewayJob.Build("london", "london", ["api", "events", "api"], "global.example.net");
        var (ok, output) = SharedValidators.Nomad(new Dictionary<string, string> { ["ingress"] = NomadJson.Render(job) });
        Assert.True(ok, output);
        Assert.Equal("system", (string)job["Type"]!);
        Assert.Equal("k3s", (string)job["Constraints"]![0]!["RTarget"]!);
        Assert.DoesNotContain("privileged", job.ToJsonString());
        var listener = job["TaskGroups"]![0]!["Services"]![0]!["Connect"]!["Gateway"]!["Ingress"]!["Listeners"]![0]!;
        Assert.Equal(["host-api", "host-events"], listener["Services"]!.AsArray().Select(s => (string)s!["Name"]!));
    }
}

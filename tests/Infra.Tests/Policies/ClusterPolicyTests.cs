using System.Text.Json.Nodes;
using Infra.Policies.Cluster;
using Infra.Policies.Inspection;
using Infra.Software.Consul;
using Infra.Software.K3s;
using Infra.Software.Nomad;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>The global tier's cluster rules (CLU-*), each with a violating and a compliant program side by side.</summary>
public sealed class ClusterPolicyTests
{
    private static void IngressRule(PolicyFixture f, string id, string cidr, string protocol, int? port)
    {
        List<(string, Expr)> properties = [("securityGroupId", new StringLiteral("sg-1")), ("cidrIpv4", new StringLiteral(cidr)), ("ipProtocol", new StringLiteral(protocol))];
        if (port is { } p) properties.AddRange([("fromPort", new NumberLiteral(p)), ("toPort", new NumberLiteral(p))]);
        f.Add(id, Tokens.VpcIngressRule, [.. properties]);
    }

    [Fact]
    public void Clu001_no_cluster_API_port_is_open_to_the_world()
    {
        var open = new PolicyFixture(Infra.Platform.Tier.Global);
        IngressRule(open, "nomad-world", "0.0.0.0/0", "tcp", 4646);
        open.AssertOne("CLU-001", "nomad-world", "opens port 4646 (Nomad HTTP API) to the whole internet");

        var everything = new PolicyFixture(Infra.Platform.Tier.Global);
        IngressRule(everything, "all-world", "0.0.0.0/0", "-1", null);
        var violations = everything.Run("CLU-001");
        Assert.Contains(violations, v => v.Problem.Contains("6443 (Kubernetes API)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Problem.Contains("8501 (Consul HTTPS API)", StringComparison.Ordinal));

        var routes = new PolicyFixture(Infra.Platform.Tier.Global);
        IngressRule(routes, "nats-routes-world", "0.0.0.0/0", "tcp", 6222);
        routes.AssertOne("CLU-001", "nats-routes-world", "opens port 6222 (NATS cluster routes) to the whole internet");
        var monitoring = new PolicyFixture(Infra.Platform.Tier.Global);
        IngressRule(monitoring, "nats-monitoring-world", "0.0.0.0/0", "tcp", 8222);
        monitoring.AssertOne("CLU-001", "nats-monitoring-world", "opens port 8222 (NATS monitoring) to the whole internet");

        var ok = new PolicyFixture(Infra.Platform.Tier.Global);
        IngressRule(ok, "nomad-operators", "198.51.100.0/24", "tcp", 4646);
        IngressRule(ok, "ingress-world", "0.0.0.0/0", "tcp", 80);
        // NATS clients (password and TLS) and gateways (mutual TLS) may come from anywhere; routes from the region.
        IngressRule(ok, "nats-clients-world", "0.0.0.0/0", "tcp", 4222);
        IngressRule(ok, "nats-gateways-world", "0.0.0.0/0", "tcp", 7222);
        IngressRule(ok, "nats-routes-vpc", "10.20.0.0/16", "tcp", 6222);
        ok.AssertNone("CLU-001");
    }

    private static Expr Job(JsonObject job) => new StringLiteral(NomadJson.Render(job));

    [Fact]
    public void Clu002_privileged_tasks_only_on_the_k3s_class()
    {
        var compliant = K3sJobs.Servers("london", "london", ["api.example.net"]);
        var ok = new PolicyFixture(Infra.Platform.Tier.Global);
        ok.Add("k3s-server", ClusterInspection.NomadJob, ("jobspec", Job(compliant)), ("json", (Expr)true));
        ok.AssertNone("CLU-002");

        var loose = K3sJobs.Servers("london", "london", ["api.example.net"]);
        loose["Constraints"] = new JsonArray(NomadJson.DistinctHosts());
        var bad = new PolicyFixture(Infra.Platform.Tier.Global);
        bad.Add("k3s-server", ClusterInspection.NomadJob, ("jobspec", Job(loose)), ("json", (Expr)true));
        var violations = bad.Run("CLU-002");
        Assert.Equal(2, violations.Count);
        Assert.All(violations, v => Assert.Contains("privileged without binding it to the k3s node class", v.Problem));
    }

    private static string CloudConfig(params (string Path, string Content)[] files) =>
        "#cloud-config\nwrite_files:\n" + string.Concat(files.Select(f =>
            $"  - path: {f.Path}\n    content: |\n" + string.Concat(f.Content.Split('\n').Select(l => $"      {l}\n"))));

    private static void Template(PolicyFixture f, string id, params (string Path, string Content)[] files) =>
        f.Add(id, Tokens.LaunchTemplate, ("userData", new StringLiteral(CloudConfig(files))));

    [Fact]
    public void Clu002_only_the_k3s_class_client_allows_privileged()
    {
        var worker = JsonNode.Parse(NomadAgentConfig.Client("london", "london", NodeClass.Worker, "docker.io/envoyproxy/envoy:v1.32.3"))!;
        var ok = new PolicyFixture(Infra.Platform.Tier.Global);
        Template(ok, "workers", ("/etc/nomad.d/nomad.json.tmpl", worker.ToJsonString()));
        Template(ok, "k3s", ("/etc/nomad.d/nomad.json.tmpl", NomadAgentConfig.Client("london", "london", NodeClass.K3s, "docker.io/envoyproxy/envoy:v1.32.3")));
        ok.AssertNone("CLU-002");

        worker["plugin"]!["docker"]!["config"]!["allow_privileged"] = true;
        var bad = new PolicyFixture(Infra.Platform.Tier.Global);
        Template(bad, "workers", ("/etc/nomad.d/nomad.json.tmpl", worker.ToJsonString()));
        bad.AssertOne("CLU-002", "workers", "lets Nomad clients of class 'worker' run privileged containers");
    }

    [Fact]
    public void Clu003_images_are_pinned_in_jobs_and_workloads()
    {
        var ok = new PolicyFixture(Infra.Platform.Tier.Global);
        ok.Add("k3s-server", ClusterInspection.NomadJob, ("jobspec", Job(K3sJobs.Servers("london", "london", []))));
        ok.Add("gateway", "kubernetes:apps/v1:StatefulSet", ("spec", Obj(("template", Obj(("spec", Obj(("containers",
            List(Obj(("name", "platform"), ("image", "ghcr.io/acme/platform:1.4.2")))))))))));
        ok.AssertNone("CLU-003");

        var floating = K3sJobs.Servers("london", "london", []);
        foreach (var group in floating["TaskGroups"]!.AsArray()) group!["Tasks"]![0]!["Config"]!["image"] = "docker.io/rancher/k3s";
        var bad = new PolicyFixture(Infra.Platform.Tier.Global);
        bad.Add("k3s-server", ClusterInspection.NomadJob, ("jobspec", Job(floating)));
        bad.Add("gateway", "kubernetes:apps/v1:StatefulSet", ("spec", Obj(("template", Obj(("spec", Obj(("containers",
            List(Obj(("name", "platform"), ("image", "ghcr.io/acme/platform:latest")))))))))));
        var violations = bad.Run("CLU-003");
        Assert.Equal(3, violations.Count);
        Assert.Contains(violations, v => v.Subject == "gateway" && v.Problem.Contains("container platform", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Subject == "k3s-server" && v.Problem.Contains("task init/k3s", StringComparison.Ordinal));
    }

    [Fact]
    public void Clu004_ACLs_are_on_and_Consul_denies_by_default()
    {
        var consul = ConsulAgentConfig.Server("london", 3, "k", "v");
        var nomad = NomadAgentConfig.Server("london", "london", 3, "k", "v", "${NOMAD_GOSSIP_KEY}");
        var ok = new PolicyFixture(Infra.Platform.Tier.Global);
        Template(ok, "servers", ("/etc/consul.d/consul.json.tmpl", consul), ("/etc/nomad.d/nomad.json.tmpl", nomad));
        ok.AssertNone("CLU-004");

        var allow = new PolicyFixture(Infra.Platform.Tier.Global);
        Template(allow, "servers", ("/etc/consul.d/consul.json.tmpl", consul.Replace("\"deny\"", "\"allow\"", StringComparison.Ordinal)));
        allow.AssertOne("CLU-004", "servers", "lets Consul allow by default");

        var off = new PolicyFixture(Infra.Platform.Tier.Global);
        var withoutAcl = JsonNode.Parse(nomad)!.AsObject();
        withoutAcl.Remove("acl");
        Template(off, "servers", ("/etc/nomad.d/nomad.json.tmpl", withoutAcl.ToJsonString()));
        off.AssertOne("CLU-004", "servers", "starts Nomad without ACLs");
    }

    [Fact]
    public void Clu005_gossip_is_encrypted_and_verified()
    {
        var consul = ConsulAgentConfig.Client("london", "k", "v");
        var nomad = NomadAgentConfig.Server("london", "london", 3, "k", "v", "${NOMAD_GOSSIP_KEY}");
        var ok = new PolicyFixture(Infra.Platform.Tier.Global);
        Template(ok, "nodes", ("/etc/consul.d/consul.json.tmpl", consul), ("/etc/nomad.d/nomad.json.tmpl", nomad));
        ok.AssertNone("CLU-005");

        var plain = JsonNode.Parse(consul)!.AsObject();
        plain.Remove("encrypt");
        var bad = new PolicyFixture(Infra.Platform.Tier.Global);
        Template(bad, "nodes", ("/etc/consul.d/consul.json.tmpl", plain.ToJsonString()));
        bad.AssertOne("CLU-005", "nodes", "starts Consul without a gossip key");

        var unverified = JsonNode.Parse(consul)!.AsObject();
        unverified["encrypt_verify_incoming"] = false;
        var half = new PolicyFixture(Infra.Platform.Tier.Global);
        Template(half, "nodes", ("/etc/consul.d/consul.json.tmpl", unverified.ToJsonString()));
        half.AssertOne("CLU-005", "nodes", "unencrypted gossip");

        var server = JsonNode.Parse(nomad)!.AsObject();
        server["server"]!.AsObject().Remove("encrypt");
        var nomadPlain = new PolicyFixture(Infra.Platform.Tier.Global);
        Template(nomadPlain, "servers", ("/etc/nomad.d/nomad.json.tmpl", server.ToJsonString()));
        nomadPlain.AssertOne("CLU-005", "servers", "starts a Nomad server without a gossip key");
    }
}

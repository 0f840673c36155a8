using System.Text.Json.Nodes;
using Infra.Policies.Cluster;
using Infra.Policies.Inspection;
using Infra.Software.Nomad;
using Infra.Synthesis.Expressions;
using static Infra.Tests.Policies.PolicyFixture;

namespace Infra.Tests.Policies;

/// <summary>
/// The cluster rules at their edges: every way a rule opens a port to the world, every part of a constraint that binds
/// a privileged task, where a binding constraint may sit, and which agent files the rules read.
/// </summary>
public sealed class ClusterRulesBoundaryTests
{
    private static PolicyFixture Global() => new(Infra.Platform.Tier.Global);

    // CLU-001 ---------------------------------------------------------------------------------

    [Fact]
    public void Clu001_names_every_cluster_port_an_all_protocol_rule_opens()
    {
        var f = Global();
        f.Add("all-world", Tokens.VpcIngressRule, ("cidrIpv4", "0.0.0.0/0"), ("ipProtocol", "all"));
        var opened = f.Run("CLU-001").Select(v => v.Problem).ToList();
        string[] expected =
        [
            "4646 (Nomad HTTP API)", "4647 (Nomad RPC)", "4648 (Nomad Serf)", "8300 (Consul server RPC)", "8301 (Consul Serf LAN)",
            "8302 (Consul Serf WAN)", "8500 (Consul HTTP API)", "8501 (Consul HTTPS API)", "8502 (Consul gRPC)", "8503 (Consul gRPC TLS)",
            "8600 (Consul DNS)", "6443 (Kubernetes API)", "2379 (etcd client)", "2380 (etcd peer)", "10250 (kubelet API)",
            "6222 (NATS cluster routes)", "8222 (NATS monitoring)",
        ];
        Assert.Equal(expected.Select(p => $"opens port {p} to the whole internet."), opened);
        Assert.All(f.Run("CLU-001"), v => Assert.Equal(
            "allow only operator networks (infra:operatorCidrs) or the region's own block; the public listener is ingress only.", v.Fix));
    }

    [Fact]
    public void Clu001_reads_every_way_a_rule_reaches_the_world_and_only_ingress()
    {
        var f = Global();
        f.Add("v4-list", Tokens.SecurityGroupRule, ("type", "ingress"), ("protocol", "tcp"), ("fromPort", 4646), ("toPort", 4646),
            ("cidrBlocks", List("10.0.0.0/8", "0.0.0.0/0")));
        f.Add("v6-list", Tokens.SecurityGroupRule, ("type", "ingress"), ("protocol", "tcp"), ("fromPort", 8500), ("toPort", 8500),
            ("ipv6CidrBlocks", List("::/0")));
        f.Add("v6-rule", Tokens.VpcIngressRule, ("cidrIpv6", "::/0"), ("ipProtocol", "tcp"), ("fromPort", 6443), ("toPort", 6443));
        f.Add("egress", Tokens.SecurityGroupRule, ("type", "egress"), ("protocol", "tcp"), ("fromPort", 4646), ("toPort", 4646),
            ("cidrBlocks", List("0.0.0.0/0")));
        f.Add("private-v6", Tokens.VpcIngressRule, ("cidrIpv6", "fd00::/8"), ("ipProtocol", "tcp"), ("fromPort", 6443), ("toPort", 6443));
        var subjects = f.Run("CLU-001").Select(v => v.Subject).ToList();
        Assert.Equal(["v4-list", "v6-list", "v6-rule"], subjects);
    }

    [Fact]
    public void Clu001_a_port_range_opens_what_it_covers_and_a_missing_toPort_means_one_port()
    {
        var range = Global();
        range.Add("nomad", Tokens.VpcIngressRule, ("cidrIpv4", "0.0.0.0/0"), ("ipProtocol", "tcp"), ("fromPort", 4646), ("toPort", 4648));
        Assert.Equal(3, range.Run("CLU-001").Count);

        // A security-group rule names its protocol "protocol" (an ingress rule, "ipProtocol"): -1 over ports 0-0 is every port.
        var every = Global();
        every.Add("sg-all", Tokens.SecurityGroupRule, ("type", "ingress"), ("protocol", "-1"), ("fromPort", 0), ("toPort", 0),
            ("cidrBlocks", List("0.0.0.0/0")));
        Assert.Equal(17, every.Run("CLU-001").Count);

        var single = Global();
        single.Add("nomad", Tokens.VpcIngressRule, ("cidrIpv4", "0.0.0.0/0"), ("ipProtocol", "tcp"), ("fromPort", 4647));
        single.AssertOne("CLU-001", "nomad", "opens port 4647 (Nomad RPC)");
    }

    // CLU-002 ---------------------------------------------------------------------------------

    private static JsonObject PrivilegedJob(JsonObject? onJob = null, JsonObject? onGroup = null, JsonObject? onTask = null)
    {
        static JsonArray Constraints(JsonObject? c) => c is null ? [] : [c];
        return new JsonObject
        {
            ["ID"] = "k3s",
            ["Constraints"] = Constraints(onJob),
            ["TaskGroups"] = new JsonArray(new JsonObject
            {
                ["Name"] = "server",
                ["Constraints"] = Constraints(onGroup),
                ["Tasks"] = new JsonArray(new JsonObject
                {
                    ["Name"] = "k3s",
                    ["Config"] = new JsonObject { ["privileged"] = true },
                    ["Constraints"] = Constraints(onTask),
                }),
            }),
        };
    }

    private static List<Infra.Policies.Violation> RunJob(JsonObject job, bool wrapped = true)
    {
        var f = Global();
        f.Add("k3s", ClusterInspection.NomadJob, ("jobspec", wrapped ? NomadJson.Render(job) : job.ToJsonString()));
        return f.Run("CLU-002").ToList();
    }

    [Fact]
    public void Clu002_a_binding_constraint_counts_on_the_job_the_group_or_the_task()
    {
        var onK3s = () => NomadJson.Constraint("${node.class}", "=", "k3s");
        Assert.Empty(RunJob(PrivilegedJob(onJob: onK3s())));
        Assert.Empty(RunJob(PrivilegedJob(onGroup: onK3s())));
        Assert.Empty(RunJob(PrivilegedJob(onTask: onK3s())));
        Assert.Empty(RunJob(PrivilegedJob(onGroup: NomadJson.Constraint("${node.class}", "==", "k3s"))));
        // The bare job (not wrapped in {"Job": ...}) is read too.
        Assert.Empty(RunJob(PrivilegedJob(onJob: onK3s()), wrapped: false));
        Assert.Single(RunJob(PrivilegedJob(), wrapped: false));
    }

    [Theory]
    [InlineData("${node.class}", "=", "worker")]
    [InlineData("${node.class}", "!=", "k3s")]
    [InlineData("${attr.kernel.name}", "=", "k3s")]
    public void Clu002_every_part_of_the_constraint_must_bind_the_k3s_class(string left, string operand, string right)
    {
        var violation = Assert.Single(RunJob(PrivilegedJob(onGroup: NomadJson.Constraint(left, operand, right))));
        Assert.Equal("runs task server/k3s privileged without binding it to the k3s node class.", violation.Problem);
        Assert.Equal("add the constraint {\"LTarget\": \"${node.class}\", \"Operand\": \"=\", \"RTarget\": \"k3s\"} (NomadJson.OnNodeClass), or drop privileged.",
            violation.Fix);
    }

    private static string CloudConfig(params (string Path, string Content)[] files) =>
        "#cloud-config\nwrite_files:\n" + string.Concat(files.Select(f =>
            $"  - path: {f.Path}\n    content: |\n" + string.Concat(f.Content.Split('\n').Select(l => $"      {l}\n"))));

    private const string PrivilegedWorker = """{"client": {"enabled": true, "node_class": "worker"}, "plugin": {"docker": {"config": {"allow_privileged": true}}}}""";

    [Fact]
    public void Clu002_counts_tasks_and_nomad_clients_and_reads_only_agent_json_files()
    {
        var f = Global();
        f.Add("k3s", ClusterInspection.NomadJob, ("jobspec", NomadJson.Render(PrivilegedJob(onTask: NomadJson.OnNodeClass(NodeClass.K3s)))));
        f.Add("workers", Tokens.LaunchTemplate, ("userData", CloudConfig(
            ("/etc/nomad.d/client.json", PrivilegedWorker),
            ("/etc/nomad.d/client.hcl", PrivilegedWorker),
            ("/etc/other/client.json", PrivilegedWorker),
            ("/etc/consul.d/consul.json", """{"client": {}, "plugin": {"docker": {"config": {"allow_privileged": true}}}}"""))));
        var violation = f.AssertOne("CLU-002", "workers", "lets Nomad clients of class 'worker' run privileged containers (/etc/nomad.d/client.json).");
        Assert.Equal("set plugin.docker.config.allow_privileged: false; only the k3s class runs k3s.", violation.Fix);
        Assert.Equal(2, f.Checked("CLU-002")); // the job's one task and the one Nomad client file
    }

    // CLU-004 ---------------------------------------------------------------------------------

    [Fact]
    public void Clu004_names_the_agent_and_says_when_consul_has_no_default_policy()
    {
        var f = Global();
        f.Add("servers", Tokens.LaunchTemplate, ("userData", CloudConfig(
            ("/etc/consul.d/consul.json", """{"acl": {"enabled": true}}"""),
            ("/etc/nomad.d/nomad.json", """{"acl": {"enabled": false}}"""),
            ("/etc/consul.d/other.json", """{"server": true}"""),
            ("/etc/consul.d/allow.json", """{"acl": {"enabled": true, "default_policy": "allow"}}"""))));
        var problems = f.Run("CLU-004").Select(v => v.Problem).ToList();
        Assert.Equal(
        [
            "lets Consul allow by default (/etc/consul.d/consul.json: acl.default_policy is not set (allow)).",
            "starts Nomad without ACLs (/etc/nomad.d/nomad.json: acl.enabled is not true).",
            "starts Consul without ACLs (/etc/consul.d/other.json: acl.enabled is not true).",
            "lets Consul allow by default (/etc/consul.d/allow.json: acl.default_policy is allow).",
        ], problems);
    }
}

using System.Text.Json.Nodes;
using Infra.Tests.Dc9;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Global;

/// <summary>The global tier's program: its snapshot, and what the issue asks of its shape, read back from the program.</summary>
public class GlobalTierTests
{
    private static readonly Lazy<string> Program = new(() => Synth.Yaml("global"));

    private static YamlMappingNode Resources => (YamlMappingNode)ProgramYaml.Parse(Program.Value)["resources"];

    private static IEnumerable<(string Name, YamlMappingNode Resource)> OfType(string type) =>
        Resources.Children.Where(r => ((YamlMappingNode)r.Value)["type"].ToString() == type)
            .Select(r => (r.Key.ToString(), (YamlMappingNode)r.Value));

    /// <summary>What Pulumi would make of an interpolated string, with every reference resolved to <paramref name="value"/>.</summary>
    private static string Resolve(string text, string value) =>
        string.Concat(PulumiInterpolation.Parse(text).Select(p => p.Text ?? value));

    [Fact]
    public void The_global_program_matches_its_reviewed_snapshot() => Snapshot.Match("global.yaml", Program.Value);

    [Fact]
    public void Each_region_has_its_own_explicit_aws_provider_and_every_aws_resource_uses_its_regions()
    {
        var providers = OfType("pulumi:providers:aws").ToDictionary(p => p.Name, p => p.Resource.At("properties", "region").Text());
        Assert.Equal(new Dictionary<string, string> { ["dallas-aws"] = "us-east-2", ["frankfurt-aws"] = "eu-central-1", ["london-aws"] = "eu-west-2" }, providers);
        foreach (var (name, resource) in Resources.Children.Select(r => (r.Key.ToString(), (YamlMappingNode)r.Value))
                     .Where(r => r.Item2["type"].ToString().StartsWith("aws:", StringComparison.Ordinal)))
        {
            var region = name.Split('-')[0];
            Assert.Equal($"${{{region}-aws}}", resource.At("options", "provider").Text());
        }
    }

    [Fact]
    public void Nomad_jobs_are_API_JSON_and_pass_the_Nomad_validator_with_their_deploy_time_values_filled_in()
    {
        var jobs = OfType("nomad:index/job:Job").ToList();
        Assert.Equal(12, jobs.Count);
        var files = new Dictionary<string, string>();
        foreach (var (name, job) in jobs)
        {
            Assert.Equal("true", job.At("properties", "json").Text());
            // Pulumi interpolates ${lb.dnsName}; Nomad's own ${node.class} reaches it escaped as $${...}.
            var spec = Resolve(job.At("properties", "jobspec").Text(), "lb.example.internal");
            files[name] = spec;
        }
        var (ok, output) = SharedValidators.Nomad(files);
        Assert.True(ok, output);
        var k3s = JsonNode.Parse(files["london-cluster-k3s-server"])!["Job"]!;
        Assert.Contains("--tls-san=lb.example.internal", k3s["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["args"]!.ToJsonString());
        Assert.Contains("${node.class}", files["london-cluster-k3s-server"]);
    }

    [Fact]
    public void Every_launch_template_carries_cloud_init_that_cloud_init_accepts()
    {
        var templates = OfType("aws:ec2/launchTemplate:LaunchTemplate").ToList();
        Assert.Equal(9, templates.Count);
        using var dir = new TempDir();
        foreach (var (name, template) in templates)
        {
            var userData = PulumiInterpolation.Literal(template.At("properties", "userData", "fn::toBase64").Text());
            Assert.DoesNotContain("-----BEGIN", userData);
            var file = dir.Write($"{name}.yaml", userData);
            var result = RealTool.Run("cloud-init", "schema", "--config-file", file);
            Assert.True(result.ExitCode == 0, $"{name}: {result.Both}");
            Assert.Equal("required", template.At("properties", "metadataOptions", "httpTokens").Text());
            Assert.Equal("true", template.At("properties", "blockDeviceMappings", 0, "ebs", "encrypted").Text());
        }
    }

    [Fact]
    public void Workloads_take_replicas_from_config_and_leave_drift_to_kubectl_with_quorum_keeping_budgets()
    {
        var sets = OfType("kubernetes:apps/v1:StatefulSet").ToList();
        Assert.Equal(9, sets.Count);
        foreach (var (name, set) in sets)
        {
            Assert.Equal("3", set.At("properties", "spec", "replicas").Text());
            Assert.Equal("3", set.At("properties", "metadata", "annotations", "platform.infra/configured-replicas").Text());
            Assert.Contains("spec.replicas", ((YamlSequenceNode)set.At("options", "ignoreChanges")).Select(n => n.ToString()));
            Assert.Equal(set.At("properties", "metadata", "name").Text(), set.At("properties", "spec", "serviceName").Text());
        }
        var budgets = OfType("kubernetes:policy/v1:PodDisruptionBudget").ToList();
        Assert.Equal(9, budgets.Count);
        Assert.All(budgets, b => Assert.Equal("1", b.Resource.At("properties", "spec", "maxUnavailable").Text()));
    }

    [Fact]
    public void The_kubeconfig_is_built_in_the_program_and_secret()
    {
        foreach (var (name, provider) in OfType("pulumi:providers:kubernetes"))
        {
            var kubeconfig = provider.At("properties", "kubeconfig");
            Assert.True(((YamlMappingNode)kubeconfig).Children.ContainsKey(new YamlScalarNode("fn::secret")), name);
        }
    }

    [Fact]
    public void The_geo_load_balancer_steers_by_region_with_sorted_origins_and_explicit_ports()
    {
        // The platform's hosts (geo-*); NATS's first-connection name has its own (GlobalNatsTests).
        var lb = Assert.Single(OfType("cloudflare:index/loadBalancer:LoadBalancer"), l => l.Name.StartsWith("geo-", StringComparison.Ordinal)).Resource;
        Assert.Equal("geo", lb.At("properties", "steeringPolicy").Text());
        var weu = ((YamlSequenceNode)lb.At("properties", "regionPools", "WEU")).Select(n => n.ToString()).ToList();
        // Western Europe's point (48N 5E) is nearer Frankfurt than London; Dallas's pool (Ohio) comes last.
        Assert.Equal(["${geo-pool-frankfurt.id}", "${geo-pool-london.id}", "${geo-pool-dallas.id}"], weu);
        var enam = ((YamlSequenceNode)lb.At("properties", "regionPools", "ENAM")).Select(n => n.ToString()).ToList();
        Assert.Equal("${geo-pool-dallas.id}", enam[0]);
        foreach (var (name, pool) in OfType("cloudflare:index/loadBalancerPool:LoadBalancerPool").Where(p => p.Name.StartsWith("geo-", StringComparison.Ordinal)))
        {
            var origins = ((YamlSequenceNode)pool.At("properties", "origins")).Cast<YamlMappingNode>().ToList();
            Assert.Equal(3, origins.Count);
            Assert.Equal(origins.Select(o => o["name"].ToString()).Order(StringComparer.Ordinal), origins.Select(o => o["name"].ToString()));
            Assert.All(origins, o => Assert.Equal("80", o["port"].ToString()));
        }
        var monitor = Assert.Single(OfType("cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor"), m => m.Name.StartsWith("geo-", StringComparison.Ordinal)).Resource;
        Assert.Equal("/healthz", monitor.At("properties", "path").Text());
    }

    [Fact]
    public void No_secret_is_a_literal_and_generated_ones_are_wrapped()
    {
        foreach (var (name, parameter) in OfType("aws:ssm/parameter:Parameter").Where(p => p.Resource.At("properties", "type").Text() == "SecureString"))
            Assert.True(((YamlMappingNode)parameter.At("properties", "value")).Children.ContainsKey(new YamlScalarNode("fn::secret")), name);
    }
}

/// <summary>The default global program is a real subject of every cluster rule, and passes them.</summary>
public class GlobalPolicyCoverageTests
{
    [Theory]
    [InlineData("CLU-001")]
    [InlineData("CLU-002")]
    [InlineData("CLU-003")]
    [InlineData("CLU-004")]
    [InlineData("CLU-005")]
    [InlineData("PLT-001")]
    [InlineData("CMP-001")]
    public void The_default_program_is_checked_by_the_rule_and_passes_it(string policy)
    {
        var report = Infra.Stacks.StackSynthesizer.Check(Synth.Repo, "global", null).Report!;
        var result = report.Results.Single(r => r.Policy.Id == policy);
        Assert.True(result.Checked > 0, $"{policy} checked nothing in the global program");
        Assert.Empty(result.Failed);
    }
}

using Infra.Constructs.Readiness;
using Infra.Stacks;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Global;

/// <summary>
/// The global program's readiness gates, read back from the program: every region has a Nomad, a Consul and a k3s
/// gate; each control plane's provider waits for its own region's gate; each gate polls the provider's own address,
/// after what it needs (the server group and listener; for k3s, the k3s server job); secrets reach it wrapped and
/// referenced only; the script Pulumi hands to sh is exactly the one the loopback tests run; and a gate's identity
/// and inputs come from its region alone, so another region or another place in the list leaves it as it is.
/// </summary>
public class GlobalReadinessTests
{
    private static readonly string[] Regions = ["dallas", "frankfurt", "london"];
    private static readonly Lazy<YamlMappingNode> Program = new(() => ProgramYaml.Parse(Synth.Yaml("global")));

    private static YamlMappingNode Resource(string name) => (YamlMappingNode)((YamlMappingNode)Program.Value["resources"])[name];

    private static IReadOnlyList<string> DependsOn(YamlMappingNode resource) =>
        resource.At("options").Has("dependsOn") ? ((YamlSequenceNode)resource.At("options", "dependsOn")).Select(n => n.ToString()).ToList() : [];

    private static string Env(string gate, string variable) => Resource(gate).At("properties", "environment", variable).Text();

    [Fact]
    public void Every_region_has_its_three_gates_run_locally_through_the_command_provider()
    {
        var gates = ((YamlMappingNode)Program.Value["resources"]).Children
            .Where(r => ((YamlMappingNode)r.Value)["type"].ToString() == "command:local:Command").Select(r => r.Key.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(Regions.SelectMany(r => new[] { $"{r}-consul-ready", $"{r}-k3s-ready", $"{r}-nomad-ready" }), gates);
        Assert.Equal("pulumi:providers:command", Resource("command")["type"].ToString());
        foreach (var gate in gates)
        {
            Assert.Equal("${command}", Resource(gate).At("options", "provider").Text());
            Assert.Equal(ReadinessGate.CreateCommand, PulumiInterpolation.Literal(Resource(gate).At("properties", "create").Text()));
            Assert.Equal($"${{{ReadinessGate.ScriptVariable}}}", Env(gate, ReadinessScript.ScriptVariable));
            Assert.Equal(ReadinessGate.UpdateCommand, Resource(gate).At("properties", "update").Text());
            Assert.Equal(ReadinessGate.DefaultDeadline.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), Env(gate, ReadinessScript.DeadlineVariable));
        }
    }

    [Theory]
    [InlineData("dallas")]
    [InlineData("frankfurt")]
    [InlineData("london")]
    public void Each_provider_waits_for_its_own_regions_gate_which_polls_the_providers_own_address(string region)
    {
        Assert.Equal([$"${{{region}-nomad-ready}}"], DependsOn(Resource($"{region}-cluster-nomad")));
        Assert.Equal([$"${{{region}-consul-ready}}"], DependsOn(Resource($"{region}-cluster-consul")));
        Assert.Equal([$"${{{region}-k3s-ready}}"], DependsOn(Resource($"{region}-k8s-kubernetes")));

        Assert.Equal(Resource($"{region}-cluster-nomad").At("properties", "address").Text(), Env($"{region}-nomad-ready", ReadinessScript.EndpointVariable));
        Assert.Equal("https://" + Resource($"{region}-cluster-consul").At("properties", "address").Text(), Env($"{region}-consul-ready", ReadinessScript.EndpointVariable));
        Assert.Equal(((YamlMappingNode)Program.Value["outputs"])[$"{region}ApiEndpoint"].ToString(), Env($"{region}-k3s-ready", ReadinessScript.EndpointVariable));
    }

    [Theory]
    [InlineData("london")]
    [InlineData("dallas")]
    public void Each_gate_waits_for_what_answers_it_and_the_k3s_gate_for_the_k3s_job(string region)
    {
        Assert.Equal([$"${{{region}-fleet-servers-group}}", $"${{{region}-lb-nomad-listener}}"], DependsOn(Resource($"{region}-nomad-ready")));
        Assert.Equal([$"${{{region}-fleet-servers-group}}", $"${{{region}-lb-consul-listener}}"], DependsOn(Resource($"{region}-consul-ready")));
        // k3s is a Nomad job, created through the Nomad provider (which waits for the Nomad gate).
        Assert.Equal([$"${{{region}-cluster-k3s-server}}", $"${{{region}-fleet-k3s-group}}", $"${{{region}-lb-kube-listener}}"],
            DependsOn(Resource($"{region}-k3s-ready")));
        Assert.Equal("nomad:index/job:Job", Resource($"{region}-cluster-k3s-server")["type"].ToString());

        Assert.Equal("leader /v1/status/leader\nsuccess /v1/acl/token/self", Env($"{region}-nomad-ready", ReadinessScript.ProbesVariable));
        Assert.Equal("leader /v1/status/leader\nsuccess /v1/acl/token/self", Env($"{region}-consul-ready", ReadinessScript.ProbesVariable));
        Assert.Equal("ok /readyz", Env($"{region}-k3s-ready", ReadinessScript.ProbesVariable));
    }

    [Fact]
    public void Secrets_reach_the_gates_wrapped_and_by_reference_and_their_recorded_environment_is_secret()
    {
        foreach (var region in Regions)
        {
            AssertSecretReference($"{region}-nomad-ready", ReadinessScript.TokenVariable, $"{region}-secrets-nomad-bootstrap-token.result");
            AssertSecretReference($"{region}-nomad-ready", ReadinessScript.ClientKeyVariable, $"{region}-cluster-ca-operator-key.privateKeyPem");
            AssertSecretReference($"{region}-consul-ready", ReadinessScript.TokenVariable, $"{region}-secrets-consul-management-token.result");
            AssertSecretReference($"{region}-k3s-ready", ReadinessScript.ClientKeyVariable, $"{region}-k3s-pki-client-ca-admin-key.privateKeyPem");
            Assert.False(Resource($"{region}-consul-ready").At("properties", "environment").Has(ReadinessScript.ClientKeyVariable),
                "Consul's HTTPS port does not verify clients; the gate needs no key");
            foreach (var gate in new[] { "nomad", "consul", "k3s" }.Select(g => $"{region}-{g}-ready"))
            {
                Assert.Equal(["environment"], ((YamlSequenceNode)Resource(gate).At("options", "additionalSecretOutputs")).Select(n => n.ToString()));
                foreach (var (key, value) in ((YamlMappingNode)Resource(gate).At("properties", "environment")).Children)
                {
                    if (value is not YamlScalarNode scalar) continue;
                    Assert.DoesNotContain("PRIVATE KEY", scalar.Value);
                    Assert.DoesNotContain("BEGIN", scalar.Value);
                }
            }
        }
    }

    private static void AssertSecretReference(string gate, string variable, string reference)
    {
        var value = Resource(gate).At("properties", "environment", variable);
        Assert.Equal($"${{{reference}}}", value.At("fn::secret").Text());
    }

    [Fact]
    public void The_script_Pulumi_hands_to_sh_is_exactly_the_tested_one_and_holds_no_reference()
    {
        var script = ((YamlMappingNode)Program.Value["variables"])[ReadinessGate.ScriptVariable].ToString();
        Assert.Equal(ReadinessScript.Text, PulumiInterpolation.Literal(script));
    }

    [Fact]
    public void A_regions_gates_depend_on_the_region_alone_not_on_the_other_regions_or_their_order()
    {
        var alone = Gates(GlobalSynth.Regions("{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16}"), "london");
        var withOthers = Gates(GlobalSynth.Regions(
            "{name: tokyo, awsRegion: ap-northeast-1, cidr: 10.23.0.0/16}",
            "{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16, workerNodes: 5}",
            "{name: dallas, awsRegion: us-east-2, cidr: 10.22.0.0/16}"), "london");
        Assert.Equal(3, alone.Count);
        Assert.Equal(alone, withOthers);
    }

    [Fact]
    public void A_regions_readinessMinutes_sets_the_deadline_of_its_own_three_gates_only()
    {
        var stack = GlobalSynth.Regions(
            "{name: london, awsRegion: eu-west-2, cidr: 10.20.0.0/16, readinessMinutes: 45}",
            "{name: dallas, awsRegion: us-east-2, cidr: 10.22.0.0/16}");
        using var project = new TempProject(("global", stack));
        var program = ProgramYaml.Parse(StackSynthesizer.Synthesize(new ProjectDirectory(project.Root), "global", null).ToYaml());
        string Deadline(string gate) => ((YamlMappingNode)program["resources"]).At(gate, "properties", "environment", ReadinessScript.DeadlineVariable).Text();
        foreach (var plane in new[] { "nomad", "consul", "k3s" })
        {
            Assert.Equal("2700", Deadline($"london-{plane}-ready"));
            Assert.Equal("1200", Deadline($"dallas-{plane}-ready"));
        }
    }

    /// <summary>The region's gates and the providers' options, as the program writes them.</summary>
    private static IReadOnlyDictionary<string, string> Gates(string stackYaml, string region)
    {
        using var project = new TempProject(("global", stackYaml));
        var program = StackSynthesizer.Synthesize(new ProjectDirectory(project.Root), "global", null);
        return program.Resources.Where(r => r.Type == "command:local:Command" && r.Name.StartsWith($"{region}-", StringComparison.Ordinal))
            .ToDictionary(r => r.Name, r => Render(program, r.Name));
    }

    private static string Render(Infra.Synthesis.Blueprint program, string name)
    {
        var resource = (YamlMappingNode)((YamlMappingNode)ProgramYaml.Parse(program.ToYaml())["resources"])[name];
        var stream = new YamlStream(new YamlDocument(resource));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}

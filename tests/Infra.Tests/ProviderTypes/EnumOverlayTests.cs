using Infra.Synthesis;
using Infra.Tests.SchemaConformance;
using Infra.Tools.ProviderGen;
using static Infra.Providers.Generated.Aws;

namespace Infra.Tests.ProviderTypes;

/// <summary>
/// String knobs that are really enums (components/Providers/enum-overlays.txt): the property takes only the
/// typed constants, writes the wire value, and a bad overlay line stops the generator saying where and why.
/// </summary>
public sealed class EnumOverlayTests
{
    [Fact]
    public void An_overlaid_string_property_takes_only_its_typed_constants()
    {
        // Input<LoadBalancerType> has no conversion from string: `LoadBalancerType = "aplication"` does not compile.
        var property = typeof(Lb.LoadBalancerArgs).GetProperty(nameof(Lb.LoadBalancerArgs.LoadBalancerType))!;
        Assert.Equal(typeof(Input<Lb.LoadBalancerType>), property.PropertyType);
        Assert.DoesNotContain(typeof(Input<Lb.LoadBalancerType>).GetMethods(),
            m => m.Name == "op_Implicit" && m.GetParameters()[0].ParameterType == typeof(string));
        Assert.Equal(typeof(Input<Infra.Providers.Generated.Docker.RestartPolicy>),
            typeof(Infra.Providers.Generated.Docker.ContainerArgs).GetProperty("Restart")!.PropertyType);
    }

    [Fact]
    public void The_constant_writes_the_value_the_cloud_expects_and_the_program_conforms()
    {
        var blueprint = ProviderBlueprint.New();
        new Vpc.SecurityGroupIngressRule(blueprint, "all", new()
        {
            SecurityGroupId = "sg-1",
            IpProtocol = Vpc.IpProtocol.All,
        });
        new Lb.TargetGroup(blueprint, "tg", new() { Protocol = Lb.TargetGroupProtocol.HTTP, TargetType = Lb.TargetType.Instance, Port = 8080 });

        var yaml = blueprint.ToYaml();
        Assert.Contains("      ipProtocol: \"-1\"\n", yaml);
        Assert.Contains("      protocol: HTTP\n      targetType: instance\n", yaml);
        Conformance.AssertConforms(yaml);
    }

    [Theory]
    [InlineData("aws:lb/loadBalancer:LoadBalancer internal Flag yes no\n", "enum-overlays.txt:1", "is not a plain string in the schema")]
    [InlineData("aws:lb/loadBalancer:LoadBalancer loadBalancerKind Kind a b\n", "enum-overlays.txt:1", "has no property 'loadBalancerKind'")]
    [InlineData("aws:lb/loadBalancer:LoadBalancer loadBalancerType\n", "enum-overlays.txt:1", "is not an overlay")]
    [InlineData("aws:lb/listener:Listener protocol P HTTP HTTPS\naws:lb/targetGroup:TargetGroup protocol P HTTP TCP\n", "enum-overlays.txt:2", "declared above with other values")]
    public void A_bad_overlay_line_is_reported_with_its_place_and_the_fix(string overlays, string where, string message)
    {
        const string allowList = "pulumi:providers:aws\naws:lb/loadBalancer:LoadBalancer\naws:lb/listener:Listener\naws:lb/targetGroup:TargetGroup\n";
        var error = Assert.Throws<GeneratorException>(() => Generator.Generate(ProviderGeneration.SubsetDirectory, allowList, overlays));

        Assert.Contains(where, error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void An_overlay_adds_a_type_to_the_code_but_nothing_to_the_schema_subset()
    {
        const string allowList = "pulumi:providers:aws\naws:lb/loadBalancer:LoadBalancer\n";
        var plain = Generator.Generate(ProviderGeneration.SubsetDirectory, allowList);
        var overlaid = Generator.Generate(ProviderGeneration.SubsetDirectory, allowList,
            "aws:lb/loadBalancer:LoadBalancer loadBalancerType LoadBalancerType application gateway network\n");

        Assert.Equal(["components/Providers/Generated/Aws/Lb/LoadBalancerType.cs"],
            overlaid.Select(f => f.Path).Except(plain.Select(f => f.Path)));
        Assert.Equal(plain.Single(f => f.Path.EndsWith("/aws.json", StringComparison.Ordinal)).Content,
            overlaid.Single(f => f.Path.EndsWith("/aws.json", StringComparison.Ordinal)).Content);
    }
}

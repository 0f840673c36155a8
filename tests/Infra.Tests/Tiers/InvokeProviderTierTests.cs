using Infra.Platform;
using Infra.Stacks;
using Infra.Tests.Dc9;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Tiers;

/// <summary>
/// Every lookup of every tier program runs through the stack's explicit provider: without the
/// <c>provider</c> option an invoke runs on Pulumi's default provider, in whatever region the
/// environment names (or fails when none is set).
/// </summary>
public class InvokeProviderTierTests
{
    public static TheoryData<string> Stacks => new(TierRegistry.Available.Select(t => TierShape.Of(t.Tier).Name));

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_invoke_of_the_tier_program_names_an_explicit_provider_of_its_package(string stack) =>
        AssertEveryInvokeHasItsProvider(Synth.Yaml(stack));

    /// <summary>The dc9 variants that reach every lookup the tier has (zone by name, restore snapshots).</summary>
    [Fact]
    public void Every_dc9_lookup_names_the_stacks_aws_provider()
    {
        var yaml = Dc9Synth.Yaml(Dc9Synth.With("route53ZoneId", null).TrimEnd() + "\n  infra:restoreFromSnapshots: \"true\"\n");
        var functions = AssertEveryInvokeHasItsProvider(yaml);
        Assert.Equal(
            [
                "aws:ebs/getSnapshot:getSnapshot", "aws:ec2/getAmi:getAmi", "aws:elb/getServiceAccount:getServiceAccount",
                "aws:index/getAvailabilityZones:getAvailabilityZones", "aws:index/getCallerIdentity:getCallerIdentity",
                "aws:route53/getZone:getZone",
            ],
            functions.Distinct().Order(StringComparer.Ordinal));
    }

    private static List<string> AssertEveryInvokeHasItsProvider(string yaml)
    {
        var program = ProgramYaml.Parse(yaml);
        var providers = program.Children.TryGetValue(new YamlScalarNode("resources"), out var resources)
            ? ((YamlMappingNode)resources).Children
                .Where(r => r.Value.At("type").Text().StartsWith("pulumi:providers:", StringComparison.Ordinal))
                .ToDictionary(r => r.Key.ToString(), r => r.Value.At("type").Text()["pulumi:providers:".Length..])
            : [];
        var functions = new List<string>();
        foreach (var (path, invoke) in Invokes(program, ""))
        {
            var function = invoke.At("function").Text();
            functions.Add(function);
            Assert.True(invoke.Has("options") && invoke.At("options").Has("provider"),
                $"{path}: fn::invoke {function} has no provider option, so it would run on Pulumi's default provider");
            var reference = invoke.At("options", "provider").Text();
            Assert.Matches(@"^\$\{[^}.\[]+\}$", reference);
            var name = reference[2..^1];
            Assert.True(providers.TryGetValue(name, out var package), $"{path}: provider {reference} is not a provider resource of the program");
            Assert.Equal(function.Split(':')[0], package);
        }
        return functions;
    }

    private static IEnumerable<(string Path, YamlMappingNode Invoke)> Invokes(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var here = $"{path}.{key}";
                    if (key.ToString() == "fn::invoke" && value is YamlMappingNode invoke) yield return (here, invoke);
                    foreach (var found in Invokes(value, here)) yield return found;
                }
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                    foreach (var found in Invokes(sequence.Children[i], $"{path}[{i}]")) yield return found;
                break;
        }
    }
}

using System.Text.Json;
using Infra.Stacks;
using Infra.Tests.OnPrem;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Tiers;

/// <summary>
/// Data survives changes that are not about data (issue 9 A12): a new infra:owner or infra:environment
/// leaves every fixed-name Docker volume and network of the laptop and onprem3 tiers byte-identical in
/// name, type, parent and properties, so Pulumi updates nothing and replaces nothing of them (the docker
/// provider replaces a volume or network whose labels change). Only the protect option may change
/// (production protects its data), and an option never replaces a resource.
/// </summary>
public sealed class DataVolumeStabilityTests
{
    private static readonly string[] FixedNameTypes = ["docker:index/volume:Volume", "docker:index/network:Network"];

    public static TheoryData<string, string, string> Changes => new()
    {
        { "laptop", "infra:owner", "payments-team" },
        { "laptop", "infra:environment", "staging" },
        { "laptop", "infra:environment", "production" },
        { "onprem3", "infra:owner", "payments-team" },
        { "onprem3", "infra:environment", "staging" },
        { "onprem3", "infra:environment", "production" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Volumes_and_networks_are_identical_before_and_after_the_change(string tier, string key, string value)
    {
        var before = Config(tier);
        var after = new Dictionary<string, string>(before) { [key] = value };
        var old = FixedNameResources(Synthesize(tier, before));
        var changed = FixedNameResources(Synthesize(tier, after));

        Assert.NotEmpty(old);
        Assert.Equal(old.Keys.Order(), changed.Keys.Order());
        foreach (var (name, resource) in old)
        {
            Assert.Equal(resource.Type, changed[name].Type);
            Assert.Equal(resource.Parent, changed[name].Parent);
            Assert.True(resource.Properties == changed[name].Properties,
                $"{tier}: {name} changes with {key}={value}, which replaces it:\n--- before\n{resource.Properties}\n--- after\n{changed[name].Properties}");
        }
        // Sanity: the change itself did reach the program (the containers' labels follow it).
        Assert.NotEqual(Synthesize(tier, before), Synthesize(tier, after));
    }

    private sealed record FixedNameResource(string Type, string? Parent, string Properties);

    private static Dictionary<string, string> Config(string tier) => tier == "laptop"
        ? new Dictionary<string, string> { ["infra:environment"] = "dev", ["infra:owner"] = "platform-team" }
        // Real-looking host addresses: the documentation range of the example is refused on production.
        : new Dictionary<string, string>(OnPrem3Stack.ValidConfig()) { ["infra:hosts"] = """["10.0.0.11","10.0.0.12","10.0.0.13"]""" };

    private static string Synthesize(string tier, Dictionary<string, string> config) =>
        StackSynthesizer.Synthesize(Synth.Repo, tier, JsonSerializer.Serialize(config)).ToYaml();

    private static Dictionary<string, FixedNameResource> FixedNameResources(string yaml)
    {
        var resources = (YamlMappingNode)ProgramYaml.Parse(yaml).At("resources");
        var found = new Dictionary<string, FixedNameResource>();
        foreach (var (key, node) in resources.Children)
        {
            var resource = (YamlMappingNode)node;
            var type = resource.At("type").Text();
            if (!FixedNameTypes.Contains(type)) continue;
            var parent = resource.Has("options") && resource.At("options").Has("parent") ? resource.At("options", "parent").Text() : null;
            var properties = new YamlStream(new YamlDocument(resource.At("properties")));
            var text = new StringWriter();
            properties.Save(text, assignAnchors: false);
            found[((YamlScalarNode)key).Value!] = new FixedNameResource(type, parent, text.ToString());
        }
        return found;
    }
}

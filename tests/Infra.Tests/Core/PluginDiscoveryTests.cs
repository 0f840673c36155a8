using System.Text.Json;
using Infra.Providers;
using Infra.Stacks;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Core;

public class PluginDiscoveryTests
{
    [Fact]
    public void Pinned_versions_are_exactly_those_of_the_shared_versions_file()
    {
        var versions = JsonSerializer.Deserialize<Dictionary<string, string>>(System.IO.File.ReadAllText(SharedSchemas.File("versions.json")))!;
        Assert.Equal(versions.OrderBy(v => v.Key), PinnedProviders.All.OrderBy(v => v.Key));
    }

    [Fact]
    public void Without_a_stack_the_program_declares_every_pinned_provider_and_nothing_else()
    {
        var yaml = StackSynthesizer.Synthesize(Synth.Repo, null, null).ToYaml();
        var resources = (YamlMappingNode)ProgramYaml.Parse(yaml).At("resources");
        Assert.Equal(PinnedProviders.All.Count, resources.Children.Count);
        foreach (var (package, version) in PinnedProviders.All)
        {
            var provider = resources.At($"{package}-provider");
            Assert.Equal($"pulumi:providers:{package}", provider.At("type").Text());
            Assert.Equal(version, provider.At("options", "version").Text());
        }
        Assert.False(ProgramYaml.Parse(yaml).Has("outputs"));
    }

    [Fact]
    public void Every_provider_a_tier_uses_is_pinned_to_the_shared_version()
    {
        foreach (var tier in TierRegistry.Available)
        {
            var stack = Infra.Platform.TierShape.Of(tier.Tier).Name;
            foreach (var provider in Synth.Stack(stack).Resources.OfType<Infra.Synthesis.ProviderResource>())
                Assert.Equal(PinnedProviders.VersionOf(provider.Package), provider.Version);
        }
    }
}

using Infra.Platform;
using Infra.Stacks;
using Infra.Tests.SchemaConformance;
using Infra.Tests.Support;

namespace Infra.Tests.Tiers;

/// <summary>Every resource of every tier program conforms to the pinned provider schemas in ../shared.</summary>
public class TierConformanceTests
{
    public static TheoryData<string> Stacks => new(TierRegistry.Available.Select(t => TierShape.Of(t.Tier).Name));

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_resource_of_the_tier_program_conforms_to_the_provider_schemas(string stack) =>
        Conformance.AssertConforms(Synth.Yaml(stack));

    [Fact]
    public void The_committed_snapshots_conform_too()
    {
        var snapshots = Directory.GetFiles(RepoPaths.Snapshots, "*.yaml");
        Assert.NotEmpty(snapshots);
        foreach (var file in snapshots) Conformance.AssertConforms(File.ReadAllText(file));
    }

    [Fact]
    public void The_plugin_discovery_program_conforms() =>
        Conformance.AssertConforms(StackSynthesizer.Synthesize(Synth.Repo, null, null).ToYaml());
}

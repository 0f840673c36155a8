using System.Reflection;
using System.Text.Json;
using Infra.Operations.Diff;
using Infra.Synthesis;
using Infra.Tests.SchemaConformance;
using Infra.Tests.Support;

namespace Infra.Tests.Operations;

/// <summary>
/// The curated list of replace-forcing properties names real inputs, covers every resource type the suite
/// can emit, and agrees with any replacement markers the reference schemas carry.
/// </summary>
public class ReplacingPropertiesTests
{
    private static readonly Assembly Providers = typeof(Infra.Providers.PinnedProviders).Assembly;

    /// <summary>
    /// What the tiers emit: every type in a tier's program. A generated type (Infra.Providers.Generated) joins
    /// when a tier emits it, so a tier that starts using a new type must review it here first.
    /// </summary>
    private static IEnumerable<string> EmittableTypes() => Infra.Stacks.TierRegistry.Available
        .Select(tier => Infra.Platform.TierShape.Of(tier.Tier).Name)
        .SelectMany(TypesEmittedBy)
        .Distinct();

    private static IEnumerable<string> TypesEmittedBy(string tier) => Synth.Stack(tier).Resources.Select(resource => resource.Type);

    [Fact]
    public void Every_rule_names_an_input_of_its_resource_type_in_the_schemas()
    {
        var problems = new List<string>();
        foreach (var rule in ReplacingProperties.All)
        {
            var schema = ProviderSchemas.Shared.FindResource(rule.Type);
            if (schema is null) { problems.Add($"{rule.Type}: not a resource of the schemas"); continue; }
            var names = rule.Property == ReplacementRule.EveryInput ? rule.Except ?? [] : [PropertyPath.TopLevel(rule.Property)];
            problems.AddRange(names.Where(name => !schema.Inputs.TryGetProperty(name, out _)).Select(name => $"{rule.Type}: '{name}' is not an input"));
            if (string.IsNullOrWhiteSpace(rule.Source)) problems.Add($"{rule.Type}.{rule.Property}: no source");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_type_the_suite_can_emit_has_been_reviewed_for_replacements()
    {
        var reviewed = ReplacingProperties.All.Select(rule => rule.Type).Concat(ReplacingProperties.UpdatedInPlace.Keys).ToHashSet(StringComparer.Ordinal);
        var emittable = EmittableTypes().ToList();
        Assert.NotEmpty(emittable);
        var unreviewed = emittable.Where(type => !reviewed.Contains(type)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unreviewed.Count == 0,
            "Resource types with no entry in operations/Diff/ReplacingProperties.cs (add the properties that force " +
            "replacement with their source, or list the type in UpdatedInPlace):\n  " + string.Join("\n  ", unreviewed));
    }

    [Fact]
    public void Rules_cover_every_replacement_marker_the_schemas_carry()
    {
        // Pulumi schemas mark replace-forcing inputs with willReplaceOnChanges (and Pulumi YAML passes them on as
        // replaceOnChanges). The reference schemas are reduced and drop them today; if they come back, the
        // curated list must agree with them.
        var problems = new List<string>();
        foreach (var type in EmittableTypes().Where(type => !type.StartsWith("pulumi:providers:", StringComparison.Ordinal)))
        {
            var package = type[..type.IndexOf(':')];
            using var document = JsonDocument.Parse(File.ReadAllBytes(SharedSchemas.File($"{package}.json")));
            if (!document.RootElement.GetProperty("resources").TryGetProperty(type, out var resource)) continue;
            foreach (var input in resource.GetProperty("inputProperties").EnumerateObject())
            {
                if (input.Value.TryGetProperty("willReplaceOnChanges", out var marker) && marker.GetBoolean()
                    && ReplacingProperties.Find(type, input.Name, null) is null)
                {
                    problems.Add($"{type}.{input.Name} is marked willReplaceOnChanges but no rule covers it");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_rule_covers_nested_paths_and_whole_objects_that_contain_its_property()
    {
        Assert.NotNull(ReplacingProperties.Find("aws:ec2/instance:Instance", "rootBlockDevice.encrypted", null));
        Assert.NotNull(ReplacingProperties.Find("aws:ec2/instance:Instance", "rootBlockDevice", null));
        Assert.Null(ReplacingProperties.Find("aws:ec2/instance:Instance", "rootBlockDevice.volumeSize", null));
        Assert.NotNull(ReplacingProperties.Find("docker:index/container:Container", "envs[3]", null));
        Assert.Null(ReplacingProperties.Find("docker:index/container:Container", "memory", null));
        Assert.Null(ReplacingProperties.Find("aws:lb/listenerRule:ListenerRule", "priority", null));
        Assert.NotNull(ReplacingProperties.Find("aws:lb/listenerRule:ListenerRule", "listenerArn", null));
    }
}

using Infra.Synthesis;
using Infra.Tests.Support;
using Infra.Tools.ProviderGen;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.ProviderTypes;

/// <summary>
/// The allow-list covers what the tiers emit, a new type is one line in it, and a bad line stops the
/// generator with a message that says where and how to fix it.
/// </summary>
public sealed class AllowListTests
{
    private static AllowList Repository => AllowList.Parse(ProviderGeneration.AllowListText, Generator.AllowListPath);

    private static HashSet<string> Typed => Repository.Entries.Where(e => !e.SchemaOnly).Select(e => e.Token).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_type_and_function_in_the_tier_snapshots_is_allow_listed_with_a_generated_type()
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(RepoPaths.Snapshots, "*.yaml"))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            if (root.Children.TryGetValue("resources", out var resources))
            {
                foreach (var resource in ((YamlMappingNode)resources).Children.Values.OfType<YamlMappingNode>())
                {
                    var type = ((YamlScalarNode)resource.Children[new YamlScalarNode("type")]).Value!;
                    if (!Typed.Contains(type)) missing.Add($"{type} ({Path.GetFileName(file)})");
                }
            }
            foreach (var function in Invokes(root))
            {
                if (!Typed.Contains(function)) missing.Add($"{function} ({Path.GetFileName(file)})");
            }
        }

        Assert.True(missing.Count == 0,
            "Add these tokens to components/Providers/allow-list.txt and run `dotnet run --project tools/ProviderGen`:\n" +
            string.Join("\n", missing));
    }

    [Fact]
    public void Every_resource_a_tier_emits_is_a_generated_type()
    {
        var emitted = Infra.Stacks.TierRegistry.Available
            .Select(tier => Infra.Platform.TierShape.Of(tier.Tier).Name)
            .SelectMany(tier => Synth.Stack(tier).Resources)
            .Where(resource => !resource.IsProvider)
            .Select(resource => (resource.Type, Class: resource.GetType()))
            .Distinct()
            .ToList();

        Assert.NotEmpty(emitted);
        Assert.All(emitted, e => Assert.Contains(e.Type, Typed));
        Assert.All(emitted, e => Assert.StartsWith(GeneratedTypes.Namespace, e.Class.Namespace, StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_resource_type_is_one_line_in_the_allow_list()
    {
        var subset = ProviderGeneration.SubsetDirectory;
        var before = Generator.Generate(subset, "pulumi:providers:random\n");
        var after = Generator.Generate(subset, "pulumi:providers:random\nrandom:index/randomPet:RandomPet\n");

        var added = after.Select(f => f.Path).Except(before.Select(f => f.Path)).ToList();
        Assert.Equal(["components/Providers/Generated/Random/RandomPet.cs"], added);
        var code = after.Single(f => f.Path.EndsWith("RandomPet.cs", StringComparison.Ordinal)).Content;
        Assert.Contains("public sealed partial class RandomPet : Resource", code);
        Assert.Contains("public const string Token = \"random:index/randomPet:RandomPet\";", code);
        Assert.Contains("\"random:index/randomPet:RandomPet\"", after.Single(f => f.Path.EndsWith("/random.json", StringComparison.Ordinal)).Content);
    }

    [Theory]
    [InlineData("aws:ec2/vpc:VPC\n", "allow-list.txt:1", "neither a resource nor a function of aws.json")]
    [InlineData("aws:ec2/vpc:Vpc\naws:ec2/vpc:Vpc\n", "allow-list.txt:2", "listed twice (first on line 1)")]
    [InlineData("# ok\naws:ec2/vpc:Vpc extra words\n", "allow-list.txt:2", "is not a token line")]
    [InlineData("aws:ec2:Vpc\n", "allow-list.txt:1", "neither a resource nor a function")]
    [InlineData("Vpc\n", "allow-list.txt:1", "is not a full token")]
    [InlineData("kubernetes:helm.sh/v3:Chart\n", "allow-list.txt:1", "mark it 'schema-only'")]
    public void A_bad_allow_list_line_is_reported_with_its_place_and_the_fix(string allowList, string where, string message)
    {
        var error = Assert.Throws<GeneratorException>(() => Generator.Generate(ProviderGeneration.SubsetDirectory, allowList));

        Assert.Contains(where, error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Every_program_construct_the_tiers_would_need_is_reachable_from_generated_types()
    {
        // The explicit provider resources exist for every pinned package, at the pinned version.
        var blueprint = ProviderBlueprint.New();
        Assert.Equal(Infra.Providers.PinnedProviders.All.Select(p => p.Key).Order(),
            blueprint.Resources.OfType<ProviderResource>().Select(p => p.Package).Order());
        Assert.All(blueprint.Resources.OfType<ProviderResource>(),
            p => Assert.Equal(Infra.Providers.PinnedProviders.VersionOf(p.Package), p.Version));
    }

    private static IEnumerable<string> Invokes(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: "fn::invoke" } && value is YamlMappingNode invoke
                        && invoke.Children.TryGetValue("function", out var function))
                        yield return ((YamlScalarNode)function).Value!;
                    foreach (var inner in Invokes(value)) yield return inner;
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var inner in sequence.Children.SelectMany(Invokes)) yield return inner;
                break;
        }
    }
}

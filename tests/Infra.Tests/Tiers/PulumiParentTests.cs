using Infra.Tests.Dc9;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Tiers;

/// <summary>
/// Pins the Pulumi parent (name and type) of every resource of every tier. A parent's type is part of
/// each child's URN, so a changed line here replaces that resource on the next `pulumi up`. The tables
/// are reviewed like snapshots; UPDATE_SNAPSHOTS=1 rewrites them.
/// </summary>
public class PulumiParentTests
{
    public static TheoryData<string> Tiers => new() { "laptop", "laptop-telemetry", "onprem3", "dc9", "global" };

    [Theory]
    [MemberData(nameof(Tiers))]
    public void Every_resources_parent_matches_the_reviewed_table(string tier) =>
        Snapshot.Match($"parents/{tier}.txt", Table(tier, Program(tier)));

    [Theory]
    [MemberData(nameof(Tiers))]
    public void Every_parent_is_a_resource_of_the_program_and_no_provider(string tier)
    {
        var resources = Resources(Program(tier));
        foreach (var (name, resource) in resources)
        {
            if (ParentOf(resource) is not { } parent) continue;
            Assert.True(resources.ContainsKey(parent), $"{tier}: {name}'s parent {parent} is not a resource");
            Assert.DoesNotContain("pulumi:providers:", TypeOf(resources[parent]));
        }
    }

    [Fact]
    public void Dc9_components_hang_from_their_meaningful_anchor()
    {
        var resources = Resources(Program("dc9"));
        string Parent(string name) => ParentOf(resources[name]) ?? "-";
        Assert.Equal("-", Parent("network-vpc"));
        Assert.Equal("network-vpc", Parent("network-public-0"));
        Assert.Equal("-", Parent("alb-lb"));
        // The load balancer waits for its log bucket's policy (dependsOn), so neither can be its child.
        Assert.Equal("-", Parent("alb-logs"));
        Assert.Equal("-", Parent("alb-logs-policy"));
        Assert.Equal("alb-lb", Parent("alb-logs-encryption"));
        Assert.Equal("alb-lb", Parent("alb-https"));
        Assert.Equal("alb-lb", Parent("alb-target-gateway-1"));
        Assert.Equal("-", Parent("fleet-template"));
        // The template names the instance profile, which names the role: they sit beside it, not under it.
        Assert.Equal("-", Parent("fleet-role"));
        Assert.Equal("-", Parent("fleet-profile"));
        Assert.Equal("fleet-template", Parent("fleet-ssm"));
        Assert.Equal("fleet-template", Parent("fleet-gateway-1"));
        Assert.Equal("fleet-template", Parent("fleet-gateway-1-data"));
        Assert.Equal("-", Parent("bastion-instance"));
        Assert.Equal("-", Parent("bastion-role"));
        Assert.Equal("bastion-instance", Parent("bastion-eip"));
        Assert.Equal("-", Parent("sg-servers"));
        Assert.Equal("sg-servers", Parent("sg-servers-in-app"));
        Assert.Equal("-", Parent("dns-host-api"));
    }

    internal static string Program(string tier) => tier switch
    {
        "dc9" => Dc9Synth.Yaml(),
        "laptop-telemetry" => LaptopWithTelemetry(),
        _ => Synth.Yaml(tier),
    };

    private static string LaptopWithTelemetry()
    {
        using var project = new TempProject(("laptop", File.ReadAllText(Path.Combine(RepoPaths.Root, "Pulumi.laptop.yaml"))
            .Replace("infra:telemetry: \"false\"", "infra:telemetry: \"true\"")));
        return Infra.Stacks.StackSynthesizer.Synthesize(new(project.Root), "laptop", null).ToYaml();
    }

    /// <summary>One line per resource, sorted by name: NAME TYPE, then PARENT (PARENT-TYPE) or "-" at the top level.</summary>
    internal static string Table(string tier, string program)
    {
        var resources = Resources(program);
        var rows = resources.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
        {
            var parent = ParentOf(r.Value);
            return (r.Key, TypeOf(r.Value), parent is null ? "-" : $"{parent} ({TypeOf(resources[parent])})");
        }).ToList();
        var nameWidth = rows.Max(r => r.Key.Length);
        var typeWidth = rows.Max(r => r.Item2.Length);
        var lines = new List<string>
        {
            $"# The Pulumi parent of every resource of the {tier} program: NAME TYPE PARENT (PARENT-TYPE), \"-\" at the top level.",
            "# A parent's type is part of the child's URN: a changed line replaces that resource. Review like a snapshot.",
        };
        lines.AddRange(rows.Select(r => $"{r.Key.PadRight(nameWidth)}  {r.Item2.PadRight(typeWidth)}  {r.Item3}".TrimEnd()));
        return string.Join('\n', lines) + "\n";
    }

    private static Dictionary<string, YamlMappingNode> Resources(string program) =>
        ((YamlMappingNode)ProgramYaml.Parse(program).At("resources")).Children
            .ToDictionary(r => r.Key.ToString(), r => (YamlMappingNode)r.Value);

    private static string TypeOf(YamlMappingNode resource) => resource.At("type").Text();

    private static string? ParentOf(YamlMappingNode resource) =>
        resource.Has("options") && resource.At("options").Has("parent") ? resource.At("options", "parent").Text()[2..^1] : null;
}

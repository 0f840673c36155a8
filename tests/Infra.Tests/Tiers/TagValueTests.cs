using System.Text.RegularExpressions;
using Infra.Tests.Dc9;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Tiers;

/// <summary>
/// Issue 9 A2: every tag (and Docker label) a tier emits is one the strictest AWS tagging API accepts.
/// ELBv2 AddTags (botocore elbv2 service-2.json, shapes TagKey and TagValue): key and value match
/// <c>^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$</c>, keys 1 to 128 characters, values up to 256.
/// </summary>
public partial class TagValueTests
{
    [GeneratedRegex(@"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$")]
    private static partial Regex ElbTagText();

    /// <summary>A dc9 stack whose routes use every character a catalog path may hold ('~' is outside the tag alphabet).</summary>
    private static string Dc9WithUnusualRoutes() => Dc9Synth.Yaml(Dc9Synth.ExampleConfig.TrimEnd() + "\n" + """
          infra:catalog:
            billing:
              routes:
                - host: pay-v2
                  path: /~Billing/v1.0_beta-2/
          infra:placement:
            gateway: 3
            accounts: 3
            events: 3
            billing: 2

        """);

    public static TheoryData<string> Programs => new() { "laptop", "laptop-telemetry", "onprem3", "dc9", "dc9-unusual-routes" };

    private static string Program(string name) => name == "dc9-unusual-routes" ? Dc9WithUnusualRoutes() : PulumiParentTests.Program(name);

    [Theory]
    [MemberData(nameof(Programs))]
    public void Every_tag_key_and_value_is_accepted_by_elbv2(string program)
    {
        var tags = Tags(ProgramYaml.Parse(Program(program)).At("resources"), "").ToList();
        Assert.NotEmpty(tags);
        var bad = tags.Where(t => !ElbTagText().IsMatch(t.Key) || t.Key.Length is 0 or > 128 || t.Key.StartsWith("aws:", StringComparison.Ordinal)
                                  || !ElbTagText().IsMatch(t.Value) || t.Value.Length > 256)
            .Select(t => $"{t.Where}: {t.Key} = {t.Value}").ToList();
        Assert.True(bad.Count == 0, "Tags AWS would reject:\n" + string.Join("\n", bad));
    }

    [Fact]
    public void Listener_rules_name_their_route_and_service_in_separate_tags()
    {
        var resources = ProgramYaml.Parse(Dc9WithUnusualRoutes()).At("resources");
        var accounts = resources.At("alb-rule-api-accounts", "properties", "tags");
        Assert.Equal("api/accounts/", accounts.At("route").Text());
        Assert.Equal("accounts", accounts.At("service").Text());
        var unusual = ((YamlMappingNode)resources).Children
            .Single(r => r.Key.ToString().StartsWith("alb-rule-pay-v2-", StringComparison.Ordinal)).Value.At("properties", "tags");
        Assert.Equal("pay-v2/_Billing/v1.0_beta-2/", unusual.At("route").Text());
        Assert.Equal("billing", unusual.At("service").Text());
    }

    /// <summary>Every literal entry of a <c>tags</c> mapping and every Docker <c>labels</c> item, anywhere in the resources.</summary>
    private static IEnumerable<(string Where, string Key, string Value)> Tags(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key.ToString();
                    var where = path.Length == 0 ? name : $"{path}.{name}";
                    if (name == "tags" && value is YamlMappingNode tags)
                        foreach (var (k, v) in tags.Children.Where(t => t.Value is YamlScalarNode))
                            yield return (where, k.ToString(), v.ToString());
                    else if (name == "labels" && value is YamlSequenceNode labels)
                        foreach (var label in labels.Children.OfType<YamlMappingNode>())
                            yield return (where, label.At("label").Text(), label.At("value").Text());
                    else
                        foreach (var tag in Tags(value, where)) yield return tag;
                }
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                    foreach (var tag in Tags(sequence.Children[i], $"{path}[{i}]")) yield return tag;
                break;
        }
    }
}

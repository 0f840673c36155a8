using System.Text.RegularExpressions;
using Infra.Platform.Configuration;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Configuration;

/// <summary>
/// Each config key is documented once: the common keys in one table of the README, which every tier's
/// README links to, and each tier's own keys in that tier's table.
/// </summary>
public partial class ConfigKeysDocumentationTests
{
    private const string CommonSection = "## Config keys every tier reads";
    private const string CommonAnchor = "README.md#config-keys-every-tier-reads";

    [GeneratedRegex(@"`(infra:[A-Za-z0-9]+)`")]
    private static partial Regex KeyName();

    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([RepoPaths.Root, .. path]));

    /// <summary>The keys named in the first column of the table rows of a markdown section (up to the next heading of its level or above).</summary>
    private static List<string> TableKeys(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{heading}'");
        var level = heading.TakeWhile(c => c == '#').Count();
        var lines = markdown[(start + heading.Length)..].Split('\n').Skip(1)
            .TakeWhile(l => !(l.StartsWith('#') && l.TakeWhile(c => c == '#').Count() <= level));
        return lines.Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => KeyName().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value)).ToList();
    }

    /// <summary>Every key in the first column of any table row of a document.</summary>
    private static List<string> AllTableKeys(string markdown) =>
        markdown.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => KeyName().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value)).ToList();

    [Fact]
    public void The_common_keys_are_one_table_of_the_README()
    {
        var documented = TableKeys(Read("README.md"), CommonSection);
        Assert.Equal(CommonKeys.All.Select(k => k.FullName).Order(), documented.Order());
    }

    [Fact]
    public void Every_tier_README_links_to_the_common_table()
    {
        foreach (var tier in new[] { "laptop", "onprem3", "dc9", "global" })
        {
            var readme = tier == "laptop" ? Read("README.md") : Read("stacks", tier, "README.md");
            Assert.True(readme.Contains(tier == "laptop" ? "(#config-keys-every-tier-reads)" : "(../../" + CommonAnchor + ")", StringComparison.Ordinal),
                $"the {tier} README does not link to the common keys");
        }
    }

    [Theory]
    [InlineData("laptop", "README.md", "### Laptop config keys")]
    [InlineData("onprem3", "stacks/onprem3/README.md", "## Configure")]
    [InlineData("dc9", "stacks/dc9/README.md", "## Keys")]
    [InlineData("global", "stacks/global/README.md", "## Keys")]
    public void Each_tier_documents_exactly_its_own_keys(string tierName, string file, string section)
    {
        var tier = TierRegistry.Available.Single(t => Infra.Platform.TierShape.Of(t.Tier).Name == tierName);
        var own = tier.Keys.Except(CommonKeys.All).Select(k => k.FullName).Order().ToList();
        Assert.Equal(own, TableKeys(Read(file.Split('/')), section).Order().ToList());
    }

    [Fact]
    public void No_common_key_is_documented_twice()
    {
        var common = CommonKeys.All.Select(k => k.FullName).ToHashSet();
        var readmeRows = AllTableKeys(Read("README.md")).Where(common.Contains).ToList();
        Assert.Equal(readmeRows.Distinct().Count(), readmeRows.Count);
        foreach (var tier in new[] { "onprem3", "dc9", "global" })
            Assert.DoesNotContain(AllTableKeys(Read("stacks", tier, "README.md")), common.Contains);
    }
}

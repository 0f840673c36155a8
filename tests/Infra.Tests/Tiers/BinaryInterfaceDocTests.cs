using System.Text;
using Infra.Platform;
using Infra.Platform.Binary;
using Infra.Tests.Support;

namespace Infra.Tests.Tiers;

/// <summary>
/// The binary's interface is documented in one place, components/Platform/Binary/README.md, and its
/// table is the definition's (<see cref="PlatformBinary.Settings"/>): a changed setting fails here until
/// the document says the same (UPDATE_SNAPSHOTS=1 rewrites the table).
/// </summary>
public sealed class BinaryInterfaceDocTests
{
    private const string Begin = "<!-- settings table: generated from PlatformBinary.Settings -->";
    private const string End = "<!-- end of settings table -->";

    private static string DocPath => Path.Combine(RepoPaths.Root, "components", "Platform", "Binary", "README.md");

    [Fact]
    public void The_documented_table_is_the_definition()
    {
        var doc = File.ReadAllText(DocPath);
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{DocPath} lacks the markers {Begin} ... {End}.");
        var documented = doc[(start + Begin.Length)..end];
        var expected = "\n" + Table();
        if (documented != expected && Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(DocPath, doc[..(start + Begin.Length)] + expected + doc[end..]);
            return;
        }
        Assert.True(documented == expected,
            $"{DocPath}: the settings table differs from PlatformBinary.Settings. Rerun with UPDATE_SNAPSHOTS=1 and review. Expected:\n{expected}");
    }

    [Fact]
    public void The_readme_links_the_one_definition_of_the_binary_and_the_production_rule()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.Contains("(components/Platform/Binary/README.md)", readme);
        Assert.Contains("(components/Platform/Configuration/ProductionRule.cs)", readme);
    }

    private static string Table()
    {
        var text = new StringBuilder();
        text.Append("| flag | environment variable | a launch passes it | meaning | example |\n");
        text.Append("|---|---|---|---|---|\n");
        foreach (var setting in PlatformBinary.Settings)
        {
            var use = setting.Use switch
            {
                SettingUse.Always => "always",
                SettingUse.Database => "with a PostgreSQL store",
                SettingUse.Raft => "with a RAFT store",
                SettingUse.Otlp => "when traces are exported",
                SettingUse.Messaging => "with NATS (global)",
                _ => "optional",
            };
            if (setting.Secret) use += " (secret)";
            text.Append($"| {(setting.Flag is { } flag ? $"`{flag}`" : "—")} | `{setting.Variable}` | {use} | {Cell(setting.Meaning)} | {(setting.Secret ? "—" : $"`{setting.Example}`")} |\n");
        }
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}

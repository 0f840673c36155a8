using System.Text;
using System.Text.RegularExpressions;
using Infra.Operations.Diff;

namespace Infra.Tests.Operations;

/// <summary>
/// The PR comment's code blocks as GitHub shows them: a changed line is coloured only when its +/- is in
/// column 0, and a long value is cut where it still reads as a value.
/// </summary>
public class DiffMarkdownLayoutTests
{
    private static string Program(string script) => $"""
        resources:
          web:
            type: aws:ec2/instance:Instance
            properties:
              userData: |
        {string.Join('\n', script.Split('\n').Select(line => "        " + line))}
        """;

    private static IEnumerable<string> DiffBlockLines(string markdown)
    {
        var inBlock = false;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line == "```diff") { inBlock = true; continue; }
            if (line == "```") { inBlock = false; continue; }
            if (inBlock) yield return line;
        }
    }

    [Fact]
    public void Changed_lines_of_a_multi_line_value_keep_their_marker_in_column_zero()
    {
        var report = new DiffReport("origin/main", [new TierDiff("dc9", ProgramDiff.Compare(
            Program("#!/bin/sh\necho old\nexit 0"), Program("#!/bin/sh\necho new\nexit 0")))]);
        var lines = DiffBlockLines(MarkdownDiffRenderer.Render(report)).ToList();

        Assert.Contains("~ properties.userData: 2 changed line(s)", lines);
        Assert.Contains("-    echo old", lines);
        Assert.Contains("+    echo new", lines);
        Assert.DoesNotContain(lines, line => Regex.IsMatch(line, @"^\s+[+-] "));
    }

    [Fact]
    public void The_count_of_lines_left_out_stays_indented_under_its_property()
    {
        var oldScript = string.Join('\n', Enumerable.Range(0, 60).Select(i => $"echo old {i}"));
        var newScript = string.Join('\n', Enumerable.Range(0, 60).Select(i => $"echo new {i}"));
        var report = new DiffReport("origin/main", [new TierDiff("dc9", ProgramDiff.Compare(Program(oldScript), Program(newScript)))]);
        var lines = DiffBlockLines(MarkdownDiffRenderer.Render(report)).ToList();
        Assert.Contains("    … 80 more changed line(s)", lines);
        Assert.Equal(40, lines.Count(line => line.StartsWith("-    echo old", StringComparison.Ordinal) || line.StartsWith("+    echo new", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_long_list_is_cut_after_a_whole_item_and_closed()
    {
        var items = Enumerable.Range(0, 30).Select(i => $"\"arn:aws:iam::123456789012:role/service-role-{i:D2}\"").ToList();
        var display = "[" + string.Join(", ", items) + "]";
        var shortened = ValueText.Shorten(display);

        Assert.True(shortened.Length <= ValueText.MaxDisplayLength, shortened);
        Assert.Matches(@", …\] \(\d+ chars\)$", shortened);
        var shown = Regex.Matches(shortened, "\"[^\"]*\"").Select(match => match.Value).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, item => Assert.Contains(item, items));  // no item cut in half
        Assert.EndsWith($"({display.Length} chars)", shortened);
    }

    [Fact]
    public void A_long_string_is_cut_between_words_and_its_quote_closed()
    {
        var words = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"word{i}"));
        var shortened = ValueText.Shorten("\"" + words + "\"");

        Assert.True(shortened.Length <= ValueText.MaxDisplayLength, shortened);
        var shown = Regex.Match(shortened, "^\"(.*)…\" \\(\\d+ chars\\)$");
        Assert.True(shown.Success, shortened);
        Assert.All(shown.Groups[1].Value.TrimEnd().Split(' '), word => Assert.Matches(@"^word\d+$", word));
    }

    [Fact]
    public void A_reference_is_never_split()
    {
        // The cut would fall inside ${alb-lb.dnsName}: the whole reference goes instead.
        var value = "\"" + new string('a', 140) + "${alb-lb.dnsName}" + new string('b', 40) + "\"";
        var shortened = ValueText.Shorten(value);
        Assert.DoesNotContain("${alb", shortened);
        Assert.Contains("…\" (", shortened);
    }

    [Fact]
    public void Nested_structures_are_closed_in_order()
    {
        var value = "{tags: {" + string.Join(", ", Enumerable.Range(0, 20).Select(i => $"key{i}: \"value number {i}\"")) + "}}";
        var shortened = ValueText.Shorten(value);
        Assert.Matches("\", …\\}\\} \\(\\d+ chars\\)$", shortened);
    }

    [Fact]
    public void Long_values_and_scripts_everywhere_still_fit_GitHubs_limit()
    {
        string Fleet(string version)
        {
            var text = new StringBuilder("resources:\n");
            for (var i = 0; i < 400; i++)
            {
                text.Append($"  web-{i:D3}:\n    type: aws:ec2/instance:Instance\n    properties:\n");
                text.Append($"      description: \"{string.Join(' ', Enumerable.Repeat(version, 80))}\"\n      userData: |\n");
                for (var l = 0; l < 30; l++) text.Append($"        echo {version} {l}\n");
            }
            return text.ToString();
        }
        var report = new DiffReport("origin/main", [new TierDiff("dc9", ProgramDiff.Compare(Fleet("old"), Fleet("new")))]);
        var markdown = MarkdownDiffRenderer.Render(report, "<!-- infra-diff -->");
        Assert.True(markdown.Length < MarkdownDiffRenderer.GitHubCommentLimit, $"{markdown.Length} characters");
        Assert.Equal(0, Regex.Matches(markdown, "^```", RegexOptions.Multiline).Count % 2);
    }
}

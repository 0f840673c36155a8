using System.Text;
using System.Text.RegularExpressions;
using Infra.Operations.Diff;

namespace Infra.Tests.Operations;

public class DiffRendererTests
{
    private const string Before = """
        resources:
          web:
            type: aws:ec2/instance:Instance
            properties:
              instanceType: t3.small
            options:
              protect: false
          old:
            type: aws:ec2/eip:Eip
        outputs:
          url: http://a
        """;

    private const string After = """
        resources:
          web:
            type: aws:ec2/instance:Instance
            properties:
              instanceType: t3.large
            options:
              protect: true
          new:
            type: aws:s3/bucketV2:BucketV2
        outputs:
          url: http://b
        """;

    private static DiffReport SmallReport() => new("origin/main",
    [
        new TierDiff("laptop", ProgramDiff.Compare(Before, Before)),
        new TierDiff("dc9", ProgramDiff.Compare(Before, After)),
    ]);

    [Fact]
    public void Terminal_output_marks_each_change()
    {
        var text = TerminalDiffRenderer.Render(SmallReport());
        Assert.Contains("laptop: no changes (against origin/main)", text);
        Assert.Contains("dc9: +1 ~1 -1 (against origin/main)", text);
        Assert.Matches(@"\+ new\s+aws:s3/bucketV2:BucketV2", text);
        Assert.Matches(@"- old\s+aws:ec2/eip:Eip", text);
        Assert.Contains("~ properties.instanceType: \"t3.small\" → \"t3.large\"", text);
        Assert.Contains("~ options.protect: false → true", text);
        Assert.Contains("~ url: \"http://a\" → \"http://b\"", text);
    }

    [Fact]
    public void Markdown_has_a_summary_line_per_tier_and_collapsible_details()
    {
        var markdown = MarkdownDiffRenderer.Render(SmallReport(), "<!-- infra-diff -->");
        Assert.StartsWith("<!-- infra-diff -->\n", markdown);
        Assert.Contains("- `laptop: no changes`", markdown);
        Assert.Contains("- `dc9: +1 ~1 -1`, also 1 output(s)", markdown);
        Assert.Contains("<details><summary><b>dc9</b>: +1 ~1 -1</summary>", markdown);
        Assert.Single(Regex.Matches(markdown, "<details>"));
        Assert.Contains("| + | `new` | `aws:s3/bucketV2:BucketV2` |", markdown);
        Assert.Contains("~ options.protect: false → true", markdown);
        Assert.DoesNotContain("[!NOTE]", markdown);
    }

    /// <summary>A diff of thousands of resources with long values: far beyond one comment at full detail.</summary>
    private static DiffReport HugeReport()
    {
        string Program(string image, int count)
        {
            var text = new StringBuilder("resources:\n");
            for (var i = 0; i < count; i++)
            {
                text.Append($"  server-{i:D4}:\n    type: docker:index/container:Container\n    properties:\n");
                text.Append($"      image: {image}-{new string('x', 100)}\n      envs:\n");
                for (var e = 0; e < 5; e++) text.Append($"        - VAR{e}={image}-{e}\n");
            }
            return text.ToString();
        }
        return new DiffReport("origin/main",
        [
            new TierDiff("laptop", ProgramDiff.Compare("", "resources:\n  a:\n    type: random:index/randomPet:RandomPet\n")),
            new TierDiff("dc9", ProgramDiff.Compare(Program("v1", 3000), Program("v2", 3200))),
            new TierDiff("global", ProgramDiff.Compare(Program("g1", 600), Program("g2", 600))),
        ]);
    }

    [Fact]
    public void A_huge_diff_is_summarized_under_GitHubs_limit_not_cut()
    {
        var report = HugeReport();
        Assert.True(TerminalDiffRenderer.Render(report).Length > 10 * MarkdownDiffRenderer.GitHubCommentLimit);

        var markdown = MarkdownDiffRenderer.Render(report, "<!-- infra-diff -->");
        Assert.True(markdown.Length <= MarkdownDiffRenderer.GitHubCommentLimit, $"{markdown.Length} characters");

        // Every tier keeps its summary line, with what it replaces (a new image recreates a container),
        // and the small tier keeps its full details.
        Assert.Contains("- `dc9: +200 ~0 -0 +-3000` **replaces 3000 resources: 3000 containers**", markdown);
        Assert.Contains("- `global: +0 ~0 -0 +-600` **replaces 600 resources: 600 containers**", markdown);
        Assert.Contains("<details><summary><b>laptop</b>: +1 ~0 -0</summary>", markdown);
        Assert.Contains("| + | `a` | `random:index/randomPet:RandomPet` |", markdown);

        // The summarized tiers say what was left out and how to see it locally.
        Assert.Contains("[!NOTE]", markdown);
        Assert.Contains("`infra diff dc9 --base origin/main`", markdown);

        // Whole structures only: every details block and code fence is closed.
        Assert.Equal(Regex.Matches(markdown, "<details>").Count, Regex.Matches(markdown, "</details>").Count);
        Assert.Equal(0, Regex.Matches(markdown, "^```", RegexOptions.Multiline).Count % 2);
        Assert.EndsWith("`pulumi preview` shows what the cloud would do.</sub>\n", markdown.ReplaceLineEndings("\n"));
    }

    /// <summary>Fifty instances whose twenty tags all change: details dominate the comment.</summary>
    private static DiffReport ManyDetailsReport()
    {
        string Program(string value)
        {
            var text = new StringBuilder("resources:\n");
            for (var i = 0; i < 50; i++)
            {
                text.Append($"  web-{i:D2}:\n    type: aws:ec2/instance:Instance\n    properties:\n      tags:\n");
                for (var t = 0; t < 20; t++) text.Append($"        tag{t}: {value}\n");
            }
            return text.ToString();
        }
        return new DiffReport("origin/main", [new TierDiff("dc9", ProgramDiff.Compare(Program("old"), Program("new")))]);
    }

    [Fact]
    public void Summarizing_drops_property_details_before_resource_lines()
    {
        var report = ManyDetailsReport();
        var full = MarkdownDiffRenderer.Render(report);
        Assert.Contains("~ properties.tags.tag19: \"old\" → \"new\"", full);

        var withoutDetails = MarkdownDiffRenderer.Render(report, maxLength: full.Length - 1);
        Assert.Contains("| ~ | `web-07` | `aws:ec2/instance:Instance` | 20 |", withoutDetails);
        Assert.DoesNotContain("properties.tags", withoutDetails);
        Assert.Contains("property and option details are left out", withoutDetails);

        var typeCounts = MarkdownDiffRenderer.Render(report, maxLength: withoutDetails.Length - 1);
        Assert.DoesNotContain("`web-07`", typeCounts);
        Assert.Contains("| `aws:ec2/instance:Instance` | 0 | 50 | 0 |", typeCounts);
        Assert.Contains("per-resource lines are left out", typeCounts);

        var summaryOnly = MarkdownDiffRenderer.Render(report, maxLength: typeCounts.Length - 1);
        Assert.DoesNotContain("<details>", summaryOnly);
        Assert.Contains("- `dc9: +0 ~50 -0`", summaryOnly);
        Assert.Contains("run `infra diff dc9 --base origin/main` locally", summaryOnly);
    }
}

/// <summary>Replacements are said first and loudest: a reviewer reads "replaces 9 instances" before merging.</summary>
public class ReplacementRenderingTests
{
    private static string Fleet(string subnet, int servers)
    {
        var text = new StringBuilder("resources:\n");
        for (var i = 1; i <= servers; i++)
        {
            text.Append($"  server-{i}:\n    type: aws:ec2/instance:Instance\n    properties:\n      subnetId: {subnet}\n      privateIp: \"10.0.64.{i % 250}\"\n");
            text.Append($"  server-{i}-data:\n    type: aws:ebs/volume:Volume\n    properties:\n      availabilityZone: eu-west-1a\n      size: 50\n");
            text.Append($"  server-{i}-attach:\n    type: aws:ec2/volumeAttachment:VolumeAttachment\n    properties:\n      instanceId: ${{server-{i}.id}}\n      volumeId: ${{server-{i}-data.id}}\n");
        }
        return text.ToString();
    }

    private static DiffReport Report(int servers) => new("origin/main",
        [new TierDiff("dc9", ProgramDiff.Compare(Fleet("subnet-a", servers), Fleet("subnet-b", servers), new UrnScope("dc9", "infra")))]);

    [Fact]
    public void The_terminal_diff_says_what_it_replaces_before_any_detail()
    {
        var text = TerminalDiffRenderer.Render(Report(9));
        var lines = text.Split('\n');
        Assert.Equal("dc9: +0 ~0 -0 +-18 (against origin/main)", lines[0]);
        Assert.StartsWith("  REPLACES 18: 9 instances (server-1, server-2, server-3, … 6 more), 9 volume attachments (server-1-attach,", lines[1]);
        Assert.Contains("  +- server-1 ", text);
        Assert.Contains("! replaced: properties.subnetId: the provider cannot update this property [terraform-provider-aws aws_instance", text);
        Assert.Contains("! replaced: properties.instanceId: refers to server-1, which is replaced", text);
        Assert.DoesNotContain("server-1-data ", text);  // the volume itself is untouched
    }

    [Fact]
    public void The_markdown_comment_says_it_in_the_summary_line_and_above_the_collapsed_details()
    {
        var markdown = MarkdownDiffRenderer.Render(Report(9), "<!-- infra-diff -->");
        Assert.Contains("- `dc9: +0 ~0 -0 +-18` **replaces 18 resources: 9 instances, 9 volume attachments**", markdown);
        var caution = markdown.IndexOf("> [!CAUTION]", StringComparison.Ordinal);
        Assert.True(caution > 0 && caution < markdown.IndexOf("<details>", StringComparison.Ordinal), "the caution comes before the collapsed details");
        Assert.Contains("> - `server-1` `aws:ec2/instance:Instance`: `properties.subnetId`: the provider cannot update this property", markdown);
        Assert.Contains("| +- | `server-1` | `aws:ec2/instance:Instance` |", markdown);
    }

    [Fact]
    public void Thousands_of_replacements_stay_under_GitHubs_limit_and_keep_the_headline()
    {
        var report = Report(1500);
        var markdown = MarkdownDiffRenderer.Render(report, "<!-- infra-diff -->");
        Assert.True(markdown.Length <= MarkdownDiffRenderer.GitHubCommentLimit, $"{markdown.Length} characters");
        Assert.Contains("**replaces 3000 resources: 1500 instances, 1500 volume attachments**", markdown);
        Assert.Contains("> [!CAUTION]", markdown);
        Assert.Equal(Regex.Matches(markdown, "<details>").Count, Regex.Matches(markdown, "</details>").Count);

        // With room for the list, it stops at a fixed number of lines and says how to see the rest.
        var listed = MarkdownDiffRenderer.Render(Report(100), maxLength: 1_000_000);
        Assert.Contains("> - … 140 more; run `infra diff dc9 --base origin/main` for all", listed);
    }
}

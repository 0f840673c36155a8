using System.Text;

namespace Infra.Operations.Diff;

/// <summary>
/// A pull-request comment: one summary line per tier, then a collapsible section per tier.
/// Stays under GitHub's comment limit by summarizing the biggest tiers (property details first,
/// then per-resource lines) and saying what was left out, never by cutting a table in half.
/// </summary>
public static class MarkdownDiffRenderer
{
    /// <summary>GitHub rejects issue and pull-request comments longer than this many characters.</summary>
    public const int GitHubCommentLimit = 65_536;

    /// <summary>Changed lines shown for one multi-line value before the rest is counted instead.</summary>
    private const int MaxLinesPerValue = 40;

    /// <param name="marker">A hidden line (e.g. <c>&lt;!-- infra-diff --&gt;</c>) that lets CI find and update its own comment.</param>
    /// <param name="maxLength">The size budget, marker included.</param>
    public static string Render(DiffReport report, string? marker = null, int maxLength = GitHubCommentLimit)
    {
        var levels = report.Tiers.Select(_ => DetailLevel.Full).ToArray();
        var sections = report.Tiers.Select((tier, i) => RenderTier(report, tier, levels[i])).ToArray();
        while (true)
        {
            var comment = Assemble(report, marker, sections, levels);
            if (comment.Length <= maxLength) return comment;

            // Summarize the tier that takes the most room and can still shrink.
            var biggest = Enumerable.Range(0, sections.Length)
                .Where(i => levels[i] != DetailLevel.SummaryOnly && report.Tiers[i].Error is null)
                .OrderByDescending(i => sections[i].Length)
                .DefaultIfEmpty(-1)
                .First();
            if (biggest < 0) return comment;  // summary lines alone: nothing left to drop
            levels[biggest]++;
            sections[biggest] = RenderTier(report, report.Tiers[biggest], levels[biggest]);
        }
    }

    private static string Assemble(DiffReport report, string? marker, string[] sections, DetailLevel[] levels)
    {
        var text = new StringBuilder();
        if (marker is not null) text.AppendLine(marker);
        var against = report.BaseLabel.Length == 0 ? "" : $" against `{Code(report.BaseLabel)}`";
        text.AppendLine($"### Infrastructure diff{against}");
        text.AppendLine();
        foreach (var tier in report.Tiers)
        {
            var replaces = tier.Error is null && tier.Diff.Replaced > 0 ? $" **{ReplacementSummary.Headline(tier.Diff)}**" : "";
            var cost = tier.CostChange is null ? "" : $"; cost {tier.CostChange}";
            text.AppendLine($"- `{tier.Stack}: {tier.Headline}`{OtherCounts(tier.Diff)}{replaces}{cost}");
        }
        text.AppendLine();
        if (levels.Any(level => level != DetailLevel.Full))
        {
            text.AppendLine($"> [!NOTE]\n> Some tiers are summarized to stay under GitHub's {GitHubCommentLimit:N0}-character comment limit; each says what it leaves out and how to see everything locally.");
            text.AppendLine();
        }
        foreach (var section in sections)
        {
            text.Append(section);
        }
        text.AppendLine("<sub>Offline diff of the synthesized Pulumi programs: what the program asks for, not the live state. `pulumi preview` shows what the cloud would do.</sub>");
        return text.ToString();
    }

    private static string OtherCounts(ProgramDiff diff)
    {
        var parts = new List<string>();
        if (diff.OutputChanges.Count > 0) parts.Add($"{diff.OutputChanges.Count} output(s)");
        if (diff.ConfigChanges.Count > 0) parts.Add($"{diff.ConfigChanges.Count} config");
        if (diff.VariableChanges.Count > 0) parts.Add($"{diff.VariableChanges.Count} variable(s)");
        if (diff.SettingChanges.Count > 0) parts.Add($"{diff.SettingChanges.Count} setting(s)");
        return parts.Count == 0 ? "" : ", also " + string.Join(", ", parts);
    }

    private static string RenderTier(DiffReport report, TierDiff tier, DetailLevel level)
    {
        var diff = tier.Diff;
        var text = new StringBuilder();
        if (tier.Error is not null)
        {
            // Errors are never summarized away: they are why the check is red.
            text.AppendLine($"> [!WARNING]\n> `{tier.Stack}` could not be compared: {Quote(tier.Error)}");
            text.AppendLine();
            return text.ToString();
        }
        if (tier.Note is not null)
        {
            text.AppendLine($"> `{tier.Stack}`: {Quote(tier.Note)}");
            text.AppendLine();
        }
        if (diff.IsEmpty) return text.ToString();

        if (level == DetailLevel.SummaryOnly)
        {
            text.Clear();
            text.AppendLine($"> `{tier.Stack}`: details left out to fit the comment limit; run `{Code(report.LocalCommand(tier.Stack))}` locally to see them.");
            text.AppendLine();
            return text.ToString();
        }

        AppendReplacements(text, report, tier, level);
        text.AppendLine($"<details><summary><b>{tier.Stack}</b>: {diff.Counts}</summary>");
        text.AppendLine();
        var leftOut = level switch
        {
            DetailLevel.Resources => "property and option details are left out",
            DetailLevel.TypeCounts => "per-resource lines are left out, counts by type remain",
            _ => null,
        };
        if (leftOut is not null)
        {
            text.AppendLine($"> Summarized to fit the comment limit: {leftOut}. Run `{Code(report.LocalCommand(tier.Stack))}` locally for the full diff.");
            text.AppendLine();
        }

        if (level == DetailLevel.Full && tier.Diagram is { } diagram)
        {
            // The picture goes first among the details, and with them when the comment must shrink.
            text.AppendLine("<details><summary>Diagram: added parts green (+), removed parts red and dashed (−)</summary>");
            text.AppendLine();
            text.AppendLine("```mermaid");
            text.Append(diagram);
            text.AppendLine("```");
            text.AppendLine();
            text.AppendLine("</details>");
            text.AppendLine();
        }
        if (level == DetailLevel.TypeCounts) AppendTypeCounts(text, diff);
        else AppendResourceTable(text, diff, level);

        if (level == DetailLevel.Full)
        {
            foreach (var resource in diff.Resources.Where(resource => resource.DetailCount > 0 || resource.ReplacedBecause.Count > 0))
            {
                text.AppendLine($"**{ChangeLine.Marker(resource.Kind)} `{Code(resource.Name)}`** `{Code(resource.Type)}`");
                var lines = new List<string>();
                lines.AddRange(ChangeLine.Replacement(resource));
                if (resource.TypeChanged) lines.Add(ChangeLine.TypeChange(resource));
                foreach (var change in ChangeLine.Details(resource)) AddChange(lines, change);
                lines.AddRange(ChangeLine.Implied(resource));
                AppendDiffBlock(text, lines);
            }
            if (diff.Ignored.Count > 0)
            {
                text.AppendLine("**Ignored by `ignoreChanges`** (in the program, not applied)");
                AppendDiffBlock(text, [.. diff.Ignored.Select(ChangeLine.Ignored)]);
            }
            AppendSection(text, "Config", diff.ConfigChanges);
            AppendSection(text, "Variables", diff.VariableChanges);
            AppendSection(text, "Outputs", diff.OutputChanges);
            AppendSection(text, "Program settings", diff.SettingChanges);
        }
        else
        {
            var other = OtherCounts(diff);
            if (other.Length > 0) text.AppendLine($"Changed{other[", also".Length..]}.").AppendLine();
        }

        text.AppendLine("</details>");
        text.AppendLine();
        return text.ToString();
    }

    private static void AppendResourceTable(StringBuilder text, ProgramDiff diff, DetailLevel level)
    {
        if (diff.Resources.Count == 0) return;
        var counted = level == DetailLevel.Resources;
        text.AppendLine(counted ? "| | Resource | Type | Changed paths |" : "| | Resource | Type |");
        text.AppendLine(counted ? "|---|---|---|---|" : "|---|---|---|");
        foreach (var resource in diff.Resources)
        {
            var row = $"| {ChangeLine.Marker(resource.Kind)} | `{Cell(resource.Name)}` | `{Cell(resource.Type)}` |";
            if (counted) row += resource.Kind is ResourceChangeKind.Changed or ResourceChangeKind.Replaced ? $" {resource.DetailCount} |" : " |";
            text.AppendLine(row);
        }
        text.AppendLine();
    }

    private static void AppendTypeCounts(StringBuilder text, ProgramDiff diff)
    {
        if (diff.Resources.Count == 0) return;
        var replacing = diff.Replaced > 0;
        text.AppendLine(replacing ? "| Type | + | ~ | - | +- |" : "| Type | + | ~ | - |");
        text.AppendLine(replacing ? "|---|---|---|---|---|" : "|---|---|---|---|");
        foreach (var group in diff.Resources.GroupBy(resource => resource.Type).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            int Count(ResourceChangeKind kind) => group.Count(resource => resource.Kind == kind);
            var row = $"| `{Cell(group.Key)}` | {Count(ResourceChangeKind.Added)} | {Count(ResourceChangeKind.Changed)} | {Count(ResourceChangeKind.Removed)} |";
            text.AppendLine(replacing ? row + $" {Count(ResourceChangeKind.Replaced)} |" : row);
        }
        text.AppendLine();
    }

    /// <summary>
    /// Outside the collapsed details, so nobody merges without seeing it: which resources are deleted and
    /// created again, and why. Shorter at each detail level; the headline alone at <see cref="DetailLevel.TypeCounts"/>.
    /// </summary>
    private static void AppendReplacements(StringBuilder text, DiffReport report, TierDiff tier, DetailLevel level)
    {
        var diff = tier.Diff;
        if (diff.Replaced == 0) return;
        text.AppendLine("> [!CAUTION]");
        text.AppendLine($"> `{tier.Stack}` **{ReplacementSummary.Headline(diff)}** (each is deleted and created again: its data, addresses and connections go with it).");
        if (level is DetailLevel.Full or DetailLevel.Resources)
        {
            var shown = 0;
            foreach (var resource in diff.Replacements)
            {
                if (shown++ == MaxReplacementLines)
                {
                    text.AppendLine($"> - … {diff.Replaced - MaxReplacementLines} more; run `{Code(report.LocalCommand(tier.Stack))}` for all");
                    break;
                }
                var reasons = level == DetailLevel.Full ? resource.ReplacedBecause : resource.ReplacedBecause.Take(1);
                var why = string.Join("; ", reasons.Select(reason => $"`{Code(reason.Path)}`: {Code(reason.Explanation)} ({Code(reason.Source)})"));
                var first = resource.DeletesBeforeReplacing ? " deleted first (deleteBeforeReplace);" : "";
                text.AppendLine($"> - `{Code(resource.Name)}` `{Code(resource.Type)}`:{first} {why}");
            }
        }
        text.AppendLine();
    }

    /// <summary>Replaced resources listed one per line before the rest is counted.</summary>
    private const int MaxReplacementLines = 60;

    private static void AppendSection(StringBuilder text, string title, IReadOnlyList<ValueChange> changes)
    {
        if (changes.Count == 0) return;
        text.AppendLine($"**{title}**");
        var lines = new List<string>();
        foreach (var change in changes) AddChange(lines, change);
        AppendDiffBlock(text, lines);
    }

    private static void AddChange(List<string> lines, ValueChange change)
    {
        lines.Add(ChangeLine.Format(change));
        var changed = change.LineChanges ?? [];
        lines.AddRange(changed.Take(MaxLinesPerValue).Select(MarkerAtColumnZero));
        if (changed.Count > MaxLinesPerValue) lines.Add($"    … {changed.Count - MaxLinesPerValue} more changed line(s)");
    }

    /// <summary>
    /// GitHub colours a line of a <c>diff</c> block only when its +/- is in column 0: the marker stays there
    /// and the text is indented under its property line instead.
    /// </summary>
    private static string MarkerAtColumnZero(string line) =>
        line.Length > 0 && line[0] is '+' or '-' ? line[0] + "   " + line[1..] : "    " + line;

    private static void AppendDiffBlock(StringBuilder text, List<string> lines)
    {
        text.AppendLine("```diff");
        foreach (var line in lines)
        {
            // A fence inside a value would end the block early.
            text.AppendLine(line.Replace("```", "`\u200b``", StringComparison.Ordinal));
        }
        text.AppendLine("```");
        text.AppendLine();
    }

    /// <summary>Keeps a multi-line message inside its blockquote, shortened to a readable size.</summary>
    private static string Quote(string message)
    {
        var shortened = message.Length <= 2000 ? message : message[..2000] + "…";
        return shortened.Replace("\n", "\n> ", StringComparison.Ordinal);
    }

    private static string Cell(string value) => Code(value).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Code(string value) => value.Replace("`", "'", StringComparison.Ordinal);
}

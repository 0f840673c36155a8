using System.Text;

namespace Infra.Operations.Diff;

/// <summary>A readable diff for a terminal: one block per tier, +/-/~ markers, indented details.</summary>
public static class TerminalDiffRenderer
{
    public static string Render(DiffReport report)
    {
        var text = new StringBuilder();
        foreach (var tier in report.Tiers)
        {
            RenderTier(text, tier, report.BaseLabel);
        }
        return text.ToString();
    }

    private static void RenderTier(StringBuilder text, TierDiff tier, string baseLabel)
    {
        var diff = tier.Diff;
        var against = baseLabel.Length == 0 ? "" : $" (against {baseLabel})";
        if (tier.Error is not null)
        {
            text.AppendLine($"{tier.Stack}: ERROR, not compared: {tier.Error}");
            return;
        }
        text.AppendLine($"{tier.Stack}: {tier.Headline}{against}");
        if (tier.CostChange is { } cost) text.AppendLine($"  cost: {cost}");
        if (tier.Note is not null) text.AppendLine($"  note: {tier.Note}");
        if (diff.IsEmpty) return;
        // Before any detail: a replacement deletes what exists (data, addresses, connections).
        if (diff.Replaced > 0) text.AppendLine($"  REPLACES {diff.Replaced}: {ReplacementSummary.CountsWithNames(diff)}");

        var nameWidth = Math.Min(40, diff.Resources.Select(resource => resource.Name.Length).DefaultIfEmpty(0).Max());
        foreach (var resource in diff.Resources)
        {
            text.AppendLine($"  {ChangeLine.Marker(resource.Kind)} {resource.Name.PadRight(nameWidth)}  {resource.Type}");
            foreach (var line in ChangeLine.Replacement(resource)) text.AppendLine("      " + line);
            if (resource.TypeChanged) text.AppendLine("      " + ChangeLine.TypeChange(resource));
            foreach (var change in ChangeLine.Details(resource))
            {
                AppendChange(text, change, "      ");
            }
            foreach (var line in ChangeLine.Implied(resource)) text.AppendLine("      " + line);
        }
        if (diff.Ignored.Count > 0)
        {
            text.AppendLine("  ignored by ignoreChanges (not applied):");
            foreach (var resource in diff.Ignored) text.AppendLine("      " + ChangeLine.Ignored(resource));
        }
        AppendSection(text, "config", diff.ConfigChanges);
        AppendSection(text, "variables", diff.VariableChanges);
        AppendSection(text, "outputs", diff.OutputChanges);
        AppendSection(text, "program settings", diff.SettingChanges);
        text.AppendLine();
    }

    private static void AppendSection(StringBuilder text, string title, IReadOnlyList<ValueChange> changes)
    {
        if (changes.Count == 0) return;
        text.AppendLine($"  {title}:");
        foreach (var change in changes)
        {
            AppendChange(text, change, "      ");
        }
    }

    private static void AppendChange(StringBuilder text, ValueChange change, string indent)
    {
        text.Append(indent).AppendLine(ChangeLine.Format(change));
        foreach (var line in change.LineChanges ?? [])
        {
            text.Append(indent).Append("    ").AppendLine(line);
        }
    }
}

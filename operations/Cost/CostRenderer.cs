using System.Globalization;
using System.Text;

namespace Infra.Operations.Cost;

/// <summary>The estimate as a terminal table and as a markdown table (README, pull requests).</summary>
public static class CostRenderer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Text(string stack, CostEstimate estimate)
    {
        var text = new StringBuilder();
        text.AppendLine($"Monthly cost estimate of {stack}{Where(estimate)}: prices of {estimate.PricesAsOf} in {estimate.Currency} (operations/Cost/prices.yaml)");
        text.AppendLine();
        if (estimate.Lines.Count == 0)
        {
            text.AppendLine("  No cloud resources to price: it runs on machines you already have.");
            Footer(text, estimate);
            return text.ToString();
        }
        var regional = estimate.Regions.Count > 1;
        var width = regional ? 62 : 48;
        text.AppendLine($"  {"item".PadRight(width)} {"quantity a month",-24} {"unit price",12} {"always on",11}");
        foreach (var (region, lines) in Sections(estimate))
        {
            foreach (var line in lines)
            {
                var item = $"{Item(line, regional)}{(line.TornDown ? "" : " *")}";
                text.AppendLine($"  {item.PadRight(width)} {Quantity(line),-24} {UnitPrice(line.UnitPrice),12} {Money(line.AlwaysOn),11}");
            }
            if (regional) text.AppendLine($"  {$"Subtotal, {region ?? "not regional"}".PadRight(width)} {"",-24} {"",12} {Money(lines.Sum(l => l.AlwaysOn)),11}");
        }
        text.AppendLine($"  {"Total, always on".PadRight(width)} {"",-24} {"",12} {Money(estimate.AlwaysOn),11}");
        text.AppendLine();
        var schedule = estimate.Schedule;
        if (schedule.Applies)
        {
            text.AppendLine($"  With the schedule, {schedule.Description} ({Percent(schedule.UpFraction)} of the week): {Money(estimate.Scheduled)} a month.");
            text.AppendLine($"  Weekend teardown saves {Money(estimate.Saving)} a month ({Share(estimate.Saving, estimate.AlwaysOn)}); items marked * outlive the stack and are charged all month.");
        }
        else
        {
            text.AppendLine($"  Always on: {schedule.Description}.");
        }
        Footer(text, estimate);
        return text.ToString();
    }

    /// <summary>A markdown table by category, always on and under the schedule.</summary>
    public static string Markdown(string stack, CostEstimate estimate)
    {
        var text = new StringBuilder();
        var scheduled = estimate.Schedule.Applies;
        text.AppendLine(scheduled ? "| item | quantity a month | unit price | always on | scheduled |" : "| item | quantity a month | unit price | always on |");
        text.AppendLine(scheduled ? "|---|---:|---:|---:|---:|" : "|---|---:|---:|---:|");
        var regional = estimate.Regions.Count > 1;
        foreach (var (region, lines) in Sections(estimate))
        {
            foreach (var line in lines)
            {
                var row = $"| {Item(line, regional)} | {Quantity(line)} | {UnitPrice(line.UnitPrice)} | {Money(line.AlwaysOn)} |";
                text.AppendLine(scheduled ? row + $" {Money(ScheduledCost(estimate, line))} |" : row);
            }
            if (!regional) continue;
            var subtotal = $"| *{region ?? "not regional"}* | | | *{Money(lines.Sum(l => l.AlwaysOn))}* |";
            text.AppendLine(scheduled ? subtotal + $" *{Money(lines.Sum(l => ScheduledCost(estimate, l)))}* |" : subtotal);
        }
        var total = $"| **{stack} total** | | | **{Money(estimate.AlwaysOn)}** |";
        text.AppendLine(scheduled ? total + $" **{Money(estimate.Scheduled)}** |" : total);
        return text.ToString();
    }

    /// <summary>"$1,234.56 → $1,300.00 a month (+$65.44)": the line a pull-request comment carries per tier.</summary>
    public static string Delta(CostEstimate? before, CostEstimate after)
    {
        var old = before?.AlwaysOn ?? 0;
        var change = after.AlwaysOn - old;
        var sign = change > 0 ? "+" : change < 0 ? "−" : "±";
        var scheduled = after.Schedule.Applies ? $"; {Money(after.Scheduled)} with the schedule" : "";
        return $"{Money(old)} → {Money(after.AlwaysOn)} a month ({sign}{Money(Math.Abs(change))}{scheduled})";
    }

    private static void Footer(StringBuilder text, CostEstimate estimate)
    {
        if (estimate.Assumptions.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("  Assumptions (operations/Cost/prices.yaml, `assumptions`):");
            foreach (var assumption in estimate.Assumptions) text.AppendLine($"    - {assumption}");
        }
        if (estimate.NotPriced.Count > 0) text.AppendLine($"  Not priced (no price in the table): {string.Join(", ", estimate.NotPriced)}");
        foreach (var warning in estimate.Warnings) text.AppendLine($"  warning: {warning}");
    }

    private static string Where(CostEstimate estimate) =>
        estimate.Region is not null ? $" ({estimate.Region})"
        : estimate.Regions.Count > 1 ? $" ({estimate.Regions.Count} regions: {string.Join(", ", estimate.Regions)}, each at its own prices)"
        : "";

    /// <summary>The lines per AWS region (in order, what is not regional last); one section when there is one region.</summary>
    private static IEnumerable<(string? Region, List<CostLine> Lines)> Sections(CostEstimate estimate) =>
        estimate.Regions.Count > 1
            ? estimate.Lines.GroupBy(line => line.Region).Select(group => (group.Key, group.ToList()))
            : [(estimate.Region, estimate.Lines.ToList())];

    private static string Item(CostLine line, bool regional) =>
        regional && line.Region is not null ? $"{line.Region} · {line.Category}: {line.Detail}" : $"{line.Category}: {line.Detail}";

    private static decimal ScheduledCost(CostEstimate estimate, CostLine line) =>
        line.TornDown ? line.AlwaysOn * estimate.Schedule.UpFraction : line.AlwaysOn;

    public static string Money(decimal amount) => "$" + amount.ToString("#,##0.00", Invariant);

    private static string UnitPrice(decimal price) => "$" + price.ToString("0.00###", Invariant);

    private static string Quantity(CostLine line) => $"{line.Quantity.ToString("#,##0.##", Invariant)} {line.Unit}";

    private static string Share(decimal part, decimal whole) => whole == 0 ? "0%" : Percent(part / whole);

    private static string Percent(decimal fraction) => (fraction * 100).ToString("0", Invariant) + "%";
}

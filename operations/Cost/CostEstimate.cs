namespace Infra.Operations.Cost;

/// <summary>
/// One priced item: <paramref name="Quantity"/> of <paramref name="Unit"/> a month when always on, at
/// <paramref name="UnitPrice"/>. <paramref name="TornDown"/>: it goes with a weekend teardown (instances,
/// volumes, gateways), so a schedule charges it only for the hours up; snapshots outlive the stack.
/// </summary>
public sealed record CostLine(string Category, string Detail, decimal Quantity, string Unit, decimal UnitPrice, bool TornDown)
{
    public decimal AlwaysOn => Quantity * UnitPrice;
}

/// <summary>A program's monthly estimate, always on and under its schedule.</summary>
public sealed record CostEstimate(
    string? Region,
    IReadOnlyList<CostLine> Lines,
    ScheduleHours Schedule,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> NotPriced,
    string PricesAsOf,
    string Currency)
{
    public decimal AlwaysOn => Lines.Sum(line => line.AlwaysOn);

    /// <summary>The month under the schedule: torn-down items only for the hours up.</summary>
    public decimal Scheduled => Lines.Sum(line => line.TornDown ? line.AlwaysOn * Schedule.UpFraction : line.AlwaysOn);

    public decimal Saving => AlwaysOn - Scheduled;
}

namespace Infra.Operations.Cost;

/// <summary>
/// One priced item: <paramref name="Quantity"/> of <paramref name="Unit"/> a month when always on, at
/// <paramref name="UnitPrice"/>. <paramref name="TornDown"/>: it goes with a weekend teardown (instances,
/// volumes, gateways), so a schedule charges it only for the hours up; snapshots outlive the stack.
/// <paramref name="Region"/>: the AWS region whose prices apply; null for what is not regional (Cloudflare).
/// </summary>
public sealed record CostLine(string Category, string Detail, decimal Quantity, string Unit, decimal UnitPrice, bool TornDown, string? Region = null)
{
    public decimal AlwaysOn => Quantity * UnitPrice;
}

/// <summary>A program's monthly estimate, always on and under its schedule.</summary>
/// <param name="Region">The AWS region when the program uses exactly one; see <see cref="Regions"/> for all of them.</param>
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
    /// <summary>Every AWS region the program's lines are priced in, in order.</summary>
    public IReadOnlyList<string> Regions => [.. Lines.Select(line => line.Region).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    public decimal AlwaysOn => Lines.Sum(line => line.AlwaysOn);

    /// <summary>The month under the schedule: torn-down items only for the hours up.</summary>
    public decimal Scheduled => Lines.Sum(line => line.TornDown ? line.AlwaysOn * Schedule.UpFraction : line.AlwaysOn);

    public decimal Saving => AlwaysOn - Scheduled;
}

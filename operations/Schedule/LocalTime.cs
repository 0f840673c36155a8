namespace Infra.Operations.Schedule;

/// <summary>Turns a wall-clock time on a local date into one instant, across daylight-saving changes.</summary>
public static class LocalTime
{
    /// <summary>
    /// A time skipped by a spring-forward change (02:30 in Europe/Berlin) resolves to the first valid
    /// instant after it (03:00 local); a time that happens twice at fall-back resolves to its first
    /// occurrence, so it fires once.
    /// </summary>
    public static DateTimeOffset Resolve(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Gaps start and end on whole minutes in every tzdata zone.
            local = local.AddSeconds(-local.Second).AddMilliseconds(-local.Millisecond);
            do
            {
                local = local.AddMinutes(1);
            }
            while (zone.IsInvalidTime(local));
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()  // the larger offset is the earlier instant
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}

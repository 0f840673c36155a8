namespace Infra.Operations.Cost;

/// <summary>
/// How much of the week a stack is up under <c>infra:schedule</c>: from Monday's <c>weekdayUp</c> to
/// <c>weekendDown</c>. Holidays are not subtracted (the saving is a lower bound).
/// </summary>
public sealed record ScheduleHours(decimal HoursPerWeek, string Description, bool Applies)
{
    public decimal UpFraction => Applies ? HoursPerWeek / 168m : 1m;

    /// <summary>The schedule's hours up in an average month of <paramref name="hoursPerMonth"/> hours.</summary>
    public decimal HoursPerMonth(decimal hoursPerMonth) => hoursPerMonth * UpFraction;

    public static ScheduleHours AlwaysOn(string why) => new(168, why, false);

    /// <summary>The example schedule of the operations README, shown when a dev stack has none.</summary>
    public static readonly ScheduleSettings Example = ScheduleSettings.Parse("{timeZone: UTC, weekdayUp: \"07:00\", weekendDown: \"Fri 20:00\"}");

    public static ScheduleHours Of(ScheduleSettings? schedule, bool production, bool isExample = false)
    {
        if (production) return AlwaysOn("production: never scheduled");
        if (schedule is null) return AlwaysOn("no infra:schedule");
        if (schedule.OptOut) return AlwaysOn("infra:schedule opts out");
        if (schedule.WeekdayUp is not { } up || schedule.WeekendDown is not { } down)
            return AlwaysOn("infra:schedule needs weekdayUp and weekendDown for a weekly up time");
        var downHours = DayIndex(down.Day) * 24m + (decimal)down.Time.ToTimeSpan().TotalHours;
        var upHours = (decimal)up.ToTimeSpan().TotalHours;  // Monday
        var hours = Math.Clamp(downHours - upHours, 0, 168);
        var source = isExample ? "the example schedule, as infra:schedule is not set" : $"infra:schedule, {schedule.TimeZone.Id}";
        return new ScheduleHours(hours,
            $"up Mon {up:HH\\:mm} to {down.Day.ToString()[..3]} {down.Time:HH\\:mm} ({source}): {hours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} h a week", true);
    }

    /// <summary>Monday 0 … Sunday 6.</summary>
    private static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;
}

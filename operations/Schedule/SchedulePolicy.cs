using System.Globalization;
using Infra.Platform.Configuration;

namespace Infra.Operations.Schedule;

/// <summary>
/// Decides, for the instant the hourly cron asks, whether a dev stack should come up, be destroyed or be left alone.
/// Spin-up fires in [up time, up time + window) on non-holiday weekdays, teardown in
/// [down time, down time + window) on the down day; production and opted-out stacks never act.
/// </summary>
public sealed class SchedulePolicy(ScheduleSettings? settings, DeploymentEnvironment environment)
{
    public ScheduleDecision Evaluate(DateTimeOffset instant)
    {
        if (environment == DeploymentEnvironment.Production)
        {
            return new(ScheduleAction.Nothing, "production stacks are never scheduled");
        }
        if (settings is null)
        {
            return new(ScheduleAction.Nothing, $"the stack has no {ScheduleSettings.ConfigKey} config");
        }
        if (settings.OptOut)
        {
            return new(ScheduleAction.Nothing, $"the stack opted out ({ScheduleSettings.ConfigKey}.optOut: true)");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, settings.TimeZone).DateTime);
        // A window that started yesterday evening may still be open after local midnight.
        foreach (var date in new[] { today.AddDays(-1), today })
        {
            if (settings.WeekendDown is { } down && date.DayOfWeek == down.Day)
            {
                var at = LocalTime.Resolve(date, down.Time, settings.TimeZone);
                if (InWindow(instant, at))
                {
                    return new(ScheduleAction.Destroy, $"weekend teardown {down} {settings.TimeZone.Id} (fires at {Describe(at)})");
                }
            }
        }
        foreach (var date in new[] { today.AddDays(-1), today })
        {
            if (settings.WeekdayUp is not { } up || !IsWeekday(date)) continue;
            var at = LocalTime.Resolve(date, up, settings.TimeZone);
            if (!InWindow(instant, at)) continue;
            if (settings.Holidays.Contains(date))
            {
                return new(ScheduleAction.Nothing, $"{date:yyyy-MM-dd} is a holiday: no spin-up");
            }
            return new(ScheduleAction.Up, $"weekday spin-up {up:HH\\:mm} {settings.TimeZone.Id} (fires at {Describe(at)})");
        }
        return new(ScheduleAction.Nothing, "outside every spin-up and teardown window");
    }

    /// <summary>
    /// A manual run ("spin it up now"): the requested action, except that production and opted-out
    /// stacks still get nothing, so a manual dispatch can never touch them either.
    /// </summary>
    public ScheduleDecision Manual(ScheduleAction requested)
    {
        if (environment == DeploymentEnvironment.Production)
        {
            return new(ScheduleAction.Nothing, "production stacks are never scheduled, not even manually");
        }
        if (settings?.OptOut == true)
        {
            return new(ScheduleAction.Nothing, $"the stack opted out ({ScheduleSettings.ConfigKey}.optOut: true)");
        }
        return new(requested, $"requested manually: {requested.ToCommandWord()}");
    }

    private bool InWindow(DateTimeOffset instant, DateTimeOffset start) =>
        instant >= start && instant < start + settings!.Window;

    private static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static string Describe(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}

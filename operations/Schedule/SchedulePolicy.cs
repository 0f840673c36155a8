using System.Globalization;
using Infra.Platform.Configuration;
using Infra.Platform.Schedule;

namespace Infra.Operations.Schedule;

/// <summary>
/// The schedule as a desired state: at any instant a dev stack should be up, down, or left as it is.
/// The hourly run compares that with the stack's actual state and acts only where they differ, so a
/// dropped or late run is corrected by the next one instead of leaving a stack up all weekend.
/// <list type="bullet">
/// <item>The latest event at or before the instant decides: a weekday spin-up (not on a holiday) means
/// up, the weekend teardown means down. Without <c>weekdayUp</c> a teardown lasts until the next
/// weekday begins; after that the schedule leaves the stack alone.</item>
/// <item>A hold keeps the stack up until it ends; <c>infra:expiresOn</c> (a TTL) brings it down from
/// 00:00 of that date in the schedule's time zone (UTC without a schedule), unless a hold is active.</item>
/// <item>Production and opted-out stacks are never touched.</item>
/// </list>
/// </summary>
/// <param name="leadTime">
/// How long before <c>weekdayUp</c> the spin-up starts, so the stack is ready at the stated time; the
/// spin-up estimate of the stack's program is meant to feed it (zero until it does).
/// </param>
public sealed class SchedulePolicy(
    ScheduleSettings? settings,
    DeploymentEnvironment environment,
    DateOnly? expiresOn = null,
    TimeSpan? leadTime = null)
{
    /// <summary>How far back the last event is looked for: a weekly schedule has one within a week.</summary>
    private const int LookBackDays = 8;

    public TimeSpan LeadTime { get; } = leadTime ?? TimeSpan.Zero;

    public DesiredStateDecision Desired(DateTimeOffset instant, ScheduleHold? hold = null)
    {
        if (environment == DeploymentEnvironment.Production)
        {
            return new(DesiredState.Unmanaged, "production stacks are never scheduled");
        }
        if (hold is not null && hold.IsActive(instant))
        {
            return new(DesiredState.Up, hold.Describe());
        }
        if (expiresOn is { } expiry)
        {
            var zone = settings?.TimeZone ?? TimeZoneInfo.Utc;
            var at = LocalTime.Resolve(expiry, TimeOnly.MinValue, zone);
            if (instant >= at)
            {
                return new(DesiredState.Down, $"expired: infra:expiresOn is {expiry:yyyy-MM-dd} (since {Describe(at)})");
            }
        }
        if (settings is null)
        {
            return new(DesiredState.Unmanaged, $"the stack has no {ScheduleSettings.ConfigKey} config");
        }
        if (settings.OptOut)
        {
            return new(DesiredState.Unmanaged, $"the stack opted out ({ScheduleSettings.ConfigKey}.optOut: true)");
        }

        if (LastEvent(instant) is not { } last)
        {
            return new(DesiredState.Unmanaged, $"no spin-up or teardown in the last {LookBackDays} days");
        }
        if (last.State == DesiredState.Down && settings.WeekdayUp is null && WeekdayStartAfter(last.At) is { } weekday && instant >= weekday)
        {
            return new(DesiredState.Unmanaged,
                $"the weekend teardown ended when the weekday began ({Describe(weekday)}); without weekdayUp the schedule leaves the stack as it is");
        }
        return new(last.State, last.Reason);
    }

    /// <summary>The action that brings the actual state to the desired one: <c>up</c>, <c>destroy</c> or <c>nothing</c>.</summary>
    public ScheduleDecision Reconcile(DateTimeOffset instant, ActualState actual, ScheduleHold? hold = null)
    {
        var desired = Desired(instant, hold);
        var action = (desired.State, actual) switch
        {
            (DesiredState.Up, ActualState.Down) => ScheduleAction.Up,
            (DesiredState.Down, ActualState.Up) => ScheduleAction.Destroy,
            _ => ScheduleAction.Nothing,
        };
        var state = actual == ActualState.Up ? "up (has resources)" : "down (no resources)";
        var wanted = desired.State switch
        {
            DesiredState.Up => "should be up",
            DesiredState.Down => "should be down",
            _ => "is left as it is",
        };
        return new(action, $"{wanted}: {desired.Reason}; it is {state}");
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

    private sealed record ScheduleEvent(DateTimeOffset At, DesiredState State, string Reason);

    private ScheduleEvent? LastEvent(DateTimeOffset instant)
    {
        var zone = settings!.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        var events = new List<ScheduleEvent>();
        // Tomorrow too: a lead time can start tomorrow's spin-up before midnight.
        for (var date = today.AddDays(-LookBackDays); date <= today.AddDays(1); date = date.AddDays(1))
        {
            if (settings.WeekdayUp is { } up && IsWeekday(date) && !settings.Holidays.Contains(date))
            {
                var ready = LocalTime.Resolve(date, up, zone);
                var start = ready - LeadTime;
                var lead = LeadTime > TimeSpan.Zero ? $", started {LeadTime.TotalMinutes:0} min early to be ready then" : "";
                events.Add(new(start, DesiredState.Up, $"weekday spin-up {up:HH\\:mm} {zone.Id} on {date:ddd yyyy-MM-dd}{lead}"));
            }
            if (settings.WeekendDown is { } down && date.DayOfWeek == down.Day)
            {
                var at = LocalTime.Resolve(date, down.Time, zone);
                events.Add(new(at, DesiredState.Down, $"weekend teardown {down} {zone.Id} ({Describe(at)})"));
            }
        }
        // At the same instant the teardown wins: the cheaper mistake.
        return events
            .Where(e => e.At <= instant)
            .OrderBy(e => e.At)
            .ThenBy(e => e.State == DesiredState.Down ? 1 : 0)
            .LastOrDefault();
    }

    private DateTimeOffset? WeekdayStartAfter(DateTimeOffset at)
    {
        var zone = settings!.TimeZone;
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime).AddDays(1);
        while (!IsWeekday(date)) date = date.AddDays(1);
        return LocalTime.Resolve(date, TimeOnly.MinValue, zone);
    }

    private static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static string Describe(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}

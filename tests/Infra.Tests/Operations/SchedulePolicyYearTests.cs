using Infra.Operations.Schedule;
using Infra.Platform.Configuration;
using Infra.Platform.Schedule;

namespace Infra.Tests.Operations;

/// <summary>The schedule's desired state over a whole year, in two time zones with daylight-saving changes.</summary>
public class SchedulePolicyYearTests
{
    private static readonly DateOnly[] Holidays = [new(2026, 1, 1), new(2026, 12, 25), new(2026, 7, 3), new(2026, 4, 6)];

    private static ScheduleSettings Settings(string zone, string down) => ScheduleSettings.Parse($$"""
        timeZone: {{zone}}
        weekdayUp: "07:00"
        weekendDown: "{{down}}"
        holidays: [{{string.Join(", ", Holidays.Select(day => $"\"{day:yyyy-MM-dd}\""))}}]
        """);

    private static IEnumerable<DateTimeOffset> Minutes(DateTimeOffset from, DateTimeOffset to, int step)
    {
        for (var t = from; t < to; t = t.AddMinutes(step)) yield return t;
    }

    /// <summary>Every change of the desired state in 2026, checked every 15 minutes.</summary>
    private static List<(DateTimeOffset At, DesiredState State)> Transitions(SchedulePolicy policy)
    {
        var result = new List<(DateTimeOffset, DesiredState)>();
        DesiredState? previous = null;
        foreach (var t in Minutes(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), 15))
        {
            var state = policy.Desired(t).State;
            if (previous is not null && state != previous) result.Add((t, state));
            previous = state;
        }
        return result;
    }

    [Theory]
    [InlineData("Europe/Berlin", "Sun 02:30")]
    [InlineData("America/New_York", "Sun 02:30")]
    [InlineData("America/New_York", "Sun 01:30")]
    [InlineData("Europe/Berlin", "Fri 20:00")]
    public void Down_once_a_week_on_the_down_day_and_up_on_the_first_working_day_after_it(string zoneId, string down)
    {
        var settings = Settings(zoneId, down);
        var zone = settings.TimeZone;
        var downTime = WeeklyTime.Parse(down, "test");
        var transitions = Transitions(new SchedulePolicy(settings, DeploymentEnvironment.Dev));
        DateOnly LocalDate(DateTimeOffset t) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, zone).DateTime);

        var downs = transitions.Where(t => t.State == DesiredState.Down).Select(t => LocalDate(t.At)).ToList();
        var downDays = Enumerable.Range(0, 365).Select(i => new DateOnly(2026, 1, 1).AddDays(i)).Where(d => d.DayOfWeek == downTime.Day).ToList();
        Assert.Equal(downDays, downs);

        // After each teardown the stack comes up on the next weekday that is not a holiday, at 07:00 local.
        var ups = transitions.Where(t => t.State == DesiredState.Up).ToList();
        var expectedUps = downDays.Select(d =>
        {
            var next = d.AddDays(1);
            while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || Holidays.Contains(next)) next = next.AddDays(1);
            return next;
        }).Where(d => d.Year == 2026).ToList();
        Assert.Equal(expectedUps, ups.Select(t => LocalDate(t.At)).ToList());
        Assert.All(ups, t => Assert.Equal(new TimeOnly(7, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(t.At, zone).DateTime)));
        Assert.Equal(2, transitions.Select(t => t.State).Distinct().Count());  // never "unmanaged" with both times set
    }

    [Fact]
    public void Spring_forward_gap_takes_effect_at_the_first_valid_instant_after_it()
    {
        var policy = new SchedulePolicy(Settings("Europe/Berlin", "Sun 02:30"), DeploymentEnvironment.Dev);
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC). 02:30 does not exist: down from 03:00 local.
        Assert.Equal(DesiredState.Up, policy.Desired(new DateTimeOffset(2026, 3, 29, 0, 59, 0, TimeSpan.Zero)).State);
        Assert.Equal(DesiredState.Down, policy.Desired(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero)).State);
    }

    [Fact]
    public void Fall_back_ambiguous_time_takes_effect_at_its_first_occurrence()
    {
        var policy = new SchedulePolicy(Settings("Europe/Berlin", "Sun 02:30"), DeploymentEnvironment.Dev);
        // 2026-10-25: 02:30 CEST (00:30 UTC) and 02:30 CET (01:30 UTC) both exist; the first counts.
        Assert.Equal(DesiredState.Up, policy.Desired(new DateTimeOffset(2026, 10, 25, 0, 29, 0, TimeSpan.Zero)).State);
        Assert.Equal(DesiredState.Down, policy.Desired(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)).State);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero),
            LocalTime.Resolve(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));
    }

    [Fact]
    public void A_holiday_monday_keeps_the_stack_down_until_tuesday_morning()
    {
        var policy = new SchedulePolicy(Settings("Europe/Berlin", "Fri 20:00"), DeploymentEnvironment.Staging);
        // 2026-04-06 is Easter Monday (a holiday above); Berlin is UTC+2.
        var monday = policy.Desired(new DateTimeOffset(2026, 4, 6, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(DesiredState.Down, monday.State);
        Assert.Contains("weekend teardown Fri 20:00", monday.Reason);
        Assert.Equal(DesiredState.Down, policy.Desired(new DateTimeOffset(2026, 4, 7, 4, 59, 0, TimeSpan.Zero)).State);
        Assert.Equal(DesiredState.Up, policy.Desired(new DateTimeOffset(2026, 4, 7, 5, 0, 0, TimeSpan.Zero)).State);
    }

    [Fact]
    public void A_holiday_in_the_week_does_not_tear_a_running_stack_down()
    {
        var policy = new SchedulePolicy(Settings("Europe/Berlin", "Fri 20:00"), DeploymentEnvironment.Dev);
        Assert.Equal(DesiredState.Up, policy.Desired(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)).State);  // Thursday, a holiday
    }

    [Fact]
    public void Production_opted_out_and_unscheduled_stacks_are_left_as_they_are_all_year()
    {
        var optOut = ScheduleSettings.Parse("""{"timeZone": "America/New_York", "weekdayUp": "07:00", "weekendDown": "Fri 20:00", "optOut": true}""");
        var policies = new[]
        {
            new SchedulePolicy(Settings("Europe/Berlin", "Fri 20:00"), DeploymentEnvironment.Production, new DateOnly(2026, 1, 2)),
            new SchedulePolicy(optOut, DeploymentEnvironment.Dev),
            new SchedulePolicy(null, DeploymentEnvironment.Dev),
        };
        var hold = new ScheduleHold(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), "test");
        foreach (var policy in policies)
            foreach (var t in Minutes(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), 60))
            {
                if (policy == policies[0]) Assert.Equal(DesiredState.Unmanaged, policy.Desired(t, hold).State);
                else Assert.Equal(DesiredState.Unmanaged, policy.Desired(t).State);
                Assert.Equal(ScheduleAction.Nothing, policy.Reconcile(t, ActualState.Up).Action);
                Assert.Equal(ScheduleAction.Nothing, policy.Reconcile(t, ActualState.Down).Action);
            }
        Assert.Contains("production stacks are never scheduled", policies[0].Reconcile(DateTimeOffset.UnixEpoch, ActualState.Up).Reason);
        Assert.Contains("no infra:schedule", policies[2].Desired(DateTimeOffset.UnixEpoch).Reason);
    }
}

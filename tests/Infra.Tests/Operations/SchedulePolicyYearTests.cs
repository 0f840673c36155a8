using Infra.Operations.Schedule;
using Infra.Platform.Configuration;
using Infra.Platform.Schedule;

namespace Infra.Tests.Operations;

/// <summary>The hourly cron over a whole year, in two time zones with daylight-saving changes.</summary>
public class SchedulePolicyYearTests
{
    private static readonly DateOnly[] Holidays = [new(2026, 1, 1), new(2026, 12, 25), new(2026, 7, 3)];

    private static ScheduleSettings Settings(string zone, string down) => ScheduleSettings.Parse($$"""
        timeZone: {{zone}}
        weekdayUp: "07:00"
        weekendDown: "{{down}}"
        holidays: [{{string.Join(", ", Holidays.Select(day => $"\"{day:yyyy-MM-dd}\""))}}]
        """);

    /// <summary>Every hour of 2026 in UTC, at the given minute past the hour (cron need not run at :00).</summary>
    private static IEnumerable<DateTimeOffset> HourlyTicks(int minute)
    {
        for (var tick = new DateTimeOffset(2026, 1, 1, 0, minute, 0, TimeSpan.Zero); tick.Year == 2026; tick = tick.AddHours(1))
        {
            yield return tick;
        }
    }

    private static IEnumerable<DateOnly> DaysOf2026() =>
        Enumerable.Range(0, 365).Select(offset => new DateOnly(2026, 1, 1).AddDays(offset));

    private static List<(DateTimeOffset Tick, ScheduleAction Action)> Sweep(SchedulePolicy policy, int minute) =>
        HourlyTicks(minute).Select(tick => (tick, policy.Evaluate(tick).Action)).Where(hit => hit.Action != ScheduleAction.Nothing).ToList();

    // Sunday 02:30 does not exist on 2026-03-29 in Berlin and happens twice on 2026-10-25;
    // in New York Sunday 02:30 does not exist on 2026-03-08 and Sunday 01:30 happens twice on 2026-11-01.
    [Theory]
    [InlineData("Europe/Berlin", "Sun 02:30", 0)]
    [InlineData("Europe/Berlin", "Sun 02:30", 43)]
    [InlineData("America/New_York", "Sun 02:30", 0)]
    [InlineData("America/New_York", "Sun 01:30", 0)]
    [InlineData("America/New_York", "Fri 20:00", 17)]
    public void Exactly_one_up_per_working_day_and_one_destroy_per_week(string zoneId, string down, int minute)
    {
        var settings = Settings(zoneId, down);
        var zone = settings.TimeZone;
        var hits = Sweep(new SchedulePolicy(settings, DeploymentEnvironment.Dev), minute);
        DateOnly LocalDate(DateTimeOffset tick) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(tick, zone).DateTime);

        var ups = hits.Where(hit => hit.Action == ScheduleAction.Up).Select(hit => LocalDate(hit.Tick)).ToList();
        var workingDays = DaysOf2026().Where(day => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day)).ToList();
        Assert.Equal(workingDays, ups);  // one each, in order, none twice

        var downDay = WeeklyTime.Parse(down, "test").Day;
        var destroys = hits.Where(hit => hit.Action == ScheduleAction.Destroy).Select(hit => LocalDate(hit.Tick)).ToList();
        Assert.Equal(DaysOf2026().Where(day => day.DayOfWeek == downDay).ToList(), destroys);

        // Each up fires within the hour after 07:00 local.
        Assert.All(hits.Where(hit => hit.Action == ScheduleAction.Up), hit =>
        {
            var local = TimeZoneInfo.ConvertTime(hit.Tick, zone);
            Assert.Equal(7, local.Hour);
        });
    }

    [Fact]
    public void Spring_forward_gap_fires_at_the_first_valid_instant_after_it()
    {
        var policy = new SchedulePolicy(Settings("Europe/Berlin", "Sun 02:30"), DeploymentEnvironment.Dev);
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC). 02:30 does not exist: fire at 03:00 local.
        Assert.Equal(ScheduleAction.Nothing, policy.Evaluate(new DateTimeOffset(2026, 3, 29, 0, 59, 0, TimeSpan.Zero)).Action);
        Assert.Equal(ScheduleAction.Destroy, policy.Evaluate(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero)).Action);
        Assert.Equal(ScheduleAction.Destroy, policy.Evaluate(new DateTimeOffset(2026, 3, 29, 1, 59, 0, TimeSpan.Zero)).Action);
        Assert.Equal(ScheduleAction.Nothing, policy.Evaluate(new DateTimeOffset(2026, 3, 29, 2, 0, 0, TimeSpan.Zero)).Action);
    }

    [Fact]
    public void Fall_back_ambiguous_time_fires_once_at_its_first_occurrence()
    {
        var policy = new SchedulePolicy(Settings("Europe/Berlin", "Sun 02:30"), DeploymentEnvironment.Dev);
        // 2026-10-25: 02:30 CEST (00:30 UTC) and 02:30 CET (01:30 UTC) both exist; only the first fires.
        Assert.Equal(ScheduleAction.Destroy, policy.Evaluate(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)).Action);
        Assert.Equal(ScheduleAction.Destroy, policy.Evaluate(new DateTimeOffset(2026, 10, 25, 1, 29, 0, TimeSpan.Zero)).Action);
        Assert.Equal(ScheduleAction.Nothing, policy.Evaluate(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero)).Action);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero),
            LocalTime.Resolve(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));
    }

    [Fact]
    public void Production_never_acts_all_year()
    {
        Assert.Empty(Sweep(new SchedulePolicy(Settings("Europe/Berlin", "Fri 20:00"), DeploymentEnvironment.Production), 0));
    }

    [Fact]
    public void Opted_out_stack_never_acts_all_year()
    {
        var settings = ScheduleSettings.Parse("""{"timeZone": "America/New_York", "weekdayUp": "07:00", "weekendDown": "Fri 20:00", "optOut": true}""");
        Assert.Empty(Sweep(new SchedulePolicy(settings, DeploymentEnvironment.Dev), 0));
    }

    [Fact]
    public void A_stack_without_schedule_config_never_acts()
    {
        var decision = new SchedulePolicy(null, DeploymentEnvironment.Dev).Evaluate(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(ScheduleAction.Nothing, decision.Action);
        Assert.Contains("no infra:schedule", decision.Reason);
    }

    [Fact]
    public void A_holiday_says_why_nothing_happens()
    {
        var policy = new SchedulePolicy(Settings("Europe/Berlin", "Fri 20:00"), DeploymentEnvironment.Staging);
        var decision = policy.Evaluate(new DateTimeOffset(2026, 12, 25, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(ScheduleAction.Nothing, decision.Action);
        Assert.Contains("2026-12-25 is a holiday", decision.Reason);
    }
}

using Infra.Operations.Schedule;
using Infra.Platform.Configuration;
using Infra.Platform.Schedule;

namespace Infra.Tests.Operations;

/// <summary>
/// The hourly run as a reconciler: a month of runs that GitHub drops or delays at random (seeded), across
/// daylight-saving weeks, a holiday and a hold. A dev stack is never in the wrong state past the first run
/// that happens after its desired state changed.
/// </summary>
public class ScheduleReconcileTests
{
    private static ScheduleSettings Settings(string zone) => ScheduleSettings.Parse($$"""
        timeZone: {{zone}}
        weekdayUp: "07:00"
        weekendDown: "Fri 20:00"
        holidays: ["2026-03-16", "2026-04-06"]
        """);

    private sealed record Run(DateTimeOffset At, ScheduleAction Action, ActualState Before, ActualState After, DesiredState Desired);

    /// <summary>Hourly cron at :07; each run is dropped with probability <paramref name="dropRate"/> or starts up to 55 minutes late.</summary>
    private static List<Run> Simulate(SchedulePolicy policy, int seed, double dropRate, DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, ScheduleHold?>? holdAt = null)
    {
        var random = new Random(seed);
        var actual = ActualState.Down;
        var runs = new List<Run>();
        for (var tick = from.AddMinutes(7); tick < to; tick = tick.AddHours(1))
        {
            if (random.NextDouble() < dropRate) continue;
            var at = tick.AddMinutes(random.Next(0, 56));
            var hold = holdAt?.Invoke(at);
            var decision = policy.Reconcile(at, actual, hold);
            var before = actual;
            if (decision.Action == ScheduleAction.Up) actual = ActualState.Up;
            if (decision.Action == ScheduleAction.Destroy) actual = ActualState.Down;
            runs.Add(new Run(at, decision.Action, before, actual, policy.Desired(at, hold).State));
        }
        return runs;
    }

    public static TheoryData<string, int> ZonesAndSeeds()
    {
        var data = new TheoryData<string, int>();
        foreach (var zone in new[] { "Europe/Berlin", "America/New_York", "Asia/Kolkata" })
            foreach (var seed in new[] { 1, 7, 42, 2026 })
                data.Add(zone, seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(ZonesAndSeeds))]
    public void A_month_of_dropped_and_late_runs_is_corrected_by_the_first_run_after_each_change(string zone, int seed)
    {
        // March 2026: New York changes to summer time on the 8th, Berlin on the 29th; a holiday Monday on the 16th.
        var from = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var policy = new SchedulePolicy(Settings(zone), DeploymentEnvironment.Dev);
        var runs = Simulate(policy, seed, dropRate: 0.3, from, to);

        Assert.InRange(runs.Count, 400, 600);  // about 30 % of the 744 hourly runs dropped
        // After every run that happens, the stack is in its desired state, whatever was dropped before.
        Assert.All(runs, run => Assert.Equal(run.Desired == DesiredState.Up ? ActualState.Up : ActualState.Down, run.After));
        // It acts only where the states differ: never twice in a row the same way, never a needless action.
        Assert.All(runs.Where(r => r.Action != ScheduleAction.Nothing), run => Assert.NotEqual(run.Before, run.After));
        // Four teardowns and four or five spin-ups in March, whichever runs were dropped.
        Assert.Equal(4, runs.Count(r => r.Action == ScheduleAction.Destroy));
        Assert.InRange(runs.Count(r => r.Action == ScheduleAction.Up), 4, 5);

        // Each change of the desired state is acted on by the first run that happens at or after it, and no later.
        var desired = Enumerable.Range(0, (int)(to - from).TotalMinutes / 5).Select(i => from.AddMinutes(i * 5))
            .Select(t => (At: t, State: policy.Desired(t).State)).ToList();
        for (var i = 1; i < desired.Count; i++)
        {
            if (desired[i].State == desired[i - 1].State) continue;
            var firstRun = runs.FirstOrDefault(r => r.At >= desired[i].At);
            if (firstRun is null) continue;
            var expected = desired[i].State == DesiredState.Up ? ScheduleAction.Up : ScheduleAction.Destroy;
            Assert.True(firstRun.Action == expected, $"the change to {desired[i].State} at {desired[i].At:u} was not acted on by the run at {firstRun.At:u} ({firstRun.Action})");
        }
        // The holiday Monday stays down: nothing comes up on 2026-03-16 local.
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        Assert.DoesNotContain(runs, r => r.Action == ScheduleAction.Up && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.At, tz).DateTime) == new DateOnly(2026, 3, 16));
    }

    [Fact]
    public void The_old_window_rule_would_leave_the_stack_up_all_weekend_after_one_dropped_run()
    {
        // The one run in Friday 20:00-21:00 Berlin (19:07 UTC) is dropped; every later run still tears down.
        var policy = new SchedulePolicy(Settings("Europe/Berlin"), DeploymentEnvironment.Dev);
        var friday = new DateTimeOffset(2026, 3, 6, 19, 7, 0, TimeSpan.Zero);
        Assert.Equal(ScheduleAction.Destroy, policy.Reconcile(friday.AddHours(1), ActualState.Up).Action);
        Assert.Equal(ScheduleAction.Destroy, policy.Reconcile(friday.AddHours(30), ActualState.Up).Action);
        Assert.Equal(ScheduleAction.Nothing, policy.Reconcile(friday.AddHours(30), ActualState.Down).Action);
    }

    [Fact]
    public void A_hold_keeps_the_stack_up_past_the_teardown_and_the_first_run_after_it_ends_tears_it_down()
    {
        var policy = new SchedulePolicy(Settings("Europe/Berlin"), DeploymentEnvironment.Dev);
        var holdEnds = new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero);  // Saturday noon UTC
        var hold = new ScheduleHold(holdEnds, "release rehearsal (OPS-42)");
        var runs = Simulate(policy, seed: 5, dropRate: 0.25, new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero), _ => hold);

        Assert.DoesNotContain(runs, r => r.At < holdEnds && r.Action == ScheduleAction.Destroy);
        var teardown = Assert.Single(runs, r => r.Action == ScheduleAction.Destroy);
        Assert.Equal(runs.First(r => r.At >= holdEnds).At, teardown.At);
        var during = policy.Reconcile(holdEnds.AddHours(-1), ActualState.Up, hold);
        Assert.Equal(ScheduleAction.Nothing, during.Action);
        Assert.Contains("held up until 2026-03-07T12:00:00Z (release rehearsal (OPS-42))", during.Reason);
        // A hold also brings a torn-down stack back up until it ends.
        Assert.Equal(ScheduleAction.Up, policy.Reconcile(holdEnds.AddHours(-1), ActualState.Down, hold).Action);
    }

    [Fact]
    public void An_expiry_brings_the_stack_down_from_that_date_unless_a_hold_is_active()
    {
        var policy = new SchedulePolicy(Settings("Europe/Berlin"), DeploymentEnvironment.Dev, expiresOn: new DateOnly(2026, 3, 11));
        // Wednesday 2026-03-11 00:00 Berlin is 2026-03-10 23:00 UTC.
        Assert.Equal(DesiredState.Up, policy.Desired(new DateTimeOffset(2026, 3, 10, 22, 59, 0, TimeSpan.Zero)).State);
        var expired = policy.Desired(new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(DesiredState.Down, expired.State);
        Assert.Contains("expired: infra:expiresOn is 2026-03-11", expired.Reason);
        Assert.Equal(DesiredState.Down, policy.Desired(new DateTimeOffset(2026, 3, 16, 8, 0, 0, TimeSpan.Zero)).State);  // and stays down
        var hold = new ScheduleHold(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero), null);
        Assert.Equal(DesiredState.Up, policy.Desired(new DateTimeOffset(2026, 3, 11, 8, 0, 0, TimeSpan.Zero), hold).State);

        // Without a schedule the expiry alone decides, in UTC; before it the stack is left as it is.
        var ttlOnly = new SchedulePolicy(null, DeploymentEnvironment.Dev, expiresOn: new DateOnly(2026, 3, 11));
        Assert.Equal(DesiredState.Unmanaged, ttlOnly.Desired(new DateTimeOffset(2026, 3, 10, 23, 59, 0, TimeSpan.Zero)).State);
        Assert.Equal(ScheduleAction.Destroy, ttlOnly.Reconcile(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), ActualState.Up).Action);
    }

    [Fact]
    public void A_lead_time_starts_the_spin_up_early_enough_to_be_ready_at_the_stated_time()
    {
        var policy = new SchedulePolicy(Settings("Europe/Berlin"), DeploymentEnvironment.Dev, leadTime: TimeSpan.FromMinutes(20));
        // Monday 2026-03-09 07:00 Berlin is 06:00 UTC: the spin-up starts at 05:40 UTC.
        Assert.Equal(DesiredState.Down, policy.Desired(new DateTimeOffset(2026, 3, 9, 5, 39, 0, TimeSpan.Zero)).State);
        var up = policy.Desired(new DateTimeOffset(2026, 3, 9, 5, 40, 0, TimeSpan.Zero));
        Assert.Equal(DesiredState.Up, up.State);
        Assert.Contains("started 20 min early to be ready then", up.Reason);
    }

    [Fact]
    public void Without_weekdayUp_the_teardown_lasts_until_the_weekend_is_over()
    {
        var downOnly = ScheduleSettings.Parse("{timeZone: Europe/Berlin, weekendDown: \"Fri 20:00\"}");
        var policy = new SchedulePolicy(downOnly, DeploymentEnvironment.Dev);
        Assert.Equal(DesiredState.Down, policy.Desired(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero)).State);  // Sunday
        var monday = policy.Desired(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(DesiredState.Unmanaged, monday.State);
        Assert.Contains("without weekdayUp the schedule leaves the stack as it is", monday.Reason);
    }

    [Fact]
    public void A_manual_run_never_touches_production_or_an_opted_out_stack()
    {
        Assert.Equal(ScheduleAction.Nothing, new SchedulePolicy(Settings("UTC"), DeploymentEnvironment.Production).Manual(ScheduleAction.Destroy).Action);
        var optOut = ScheduleSettings.Parse("{timeZone: UTC, optOut: true}");
        Assert.Equal(ScheduleAction.Nothing, new SchedulePolicy(optOut, DeploymentEnvironment.Dev).Manual(ScheduleAction.Up).Action);
        Assert.Equal(ScheduleAction.Destroy, new SchedulePolicy(Settings("UTC"), DeploymentEnvironment.Dev).Manual(ScheduleAction.Destroy).Action);
    }
}

using Infra.Operations.Schedule;
using Infra.Platform.Configuration;
using Infra.Platform.Schedule;

namespace Infra.Tests.Operations;

public class ScheduleSettingsTests
{
    [Fact]
    public void Parses_every_setting()
    {
        var settings = ScheduleSettings.Parse("""
            timeZone: America/New_York
            weekdayUp: "6:30"
            weekendDown: "friday 21:15"
            holidays: ["2026-11-26"]
            optOut: false
            windowMinutes: 90
            """);
        Assert.Equal("America/New_York", settings.TimeZone.Id);
        Assert.Equal(new TimeOnly(6, 30), settings.WeekdayUp);
        Assert.Equal(new WeeklyTime(DayOfWeek.Friday, new TimeOnly(21, 15)), settings.WeekendDown);
        Assert.Equal([new DateOnly(2026, 11, 26)], settings.Holidays);
        Assert.False(settings.OptOut);
        Assert.Equal(TimeSpan.FromMinutes(90), settings.Window);
    }

    [Fact]
    public void Window_defaults_to_sixty_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(60), ScheduleSettings.Parse("timeZone: UTC\nweekdayUp: \"07:00\"").Window);
    }

    [Theory]
    [InlineData("weekdayUp: \"07:00\"", "infra:schedule.timeZone: is required and not set: times are the team's local time")]
    [InlineData("timeZone: Europe/Berln\nweekdayUp: \"07:00\"", "infra:schedule.timeZone = \"Europe/Berln\": is not a known IANA time zone id. Allowed: an IANA time zone id such as Europe/Berlin")]
    [InlineData("timeZone: W. Europe Standard Time\nweekdayUp: \"07:00\"", "infra:schedule.timeZone = \"W. Europe Standard Time\": is not a known IANA time zone id")]
    [InlineData("timeZone: UTC\nweekdayUp: 7am", "infra:schedule.weekdayUp = \"7am\": has no valid time. Allowed: a 24-hour local time HH:mm")]
    [InlineData("timeZone: UTC\nweekendDown: \"Fry 20:00\"", "infra:schedule.weekendDown = \"Fry 20:00\": is not a day and a time.")]
    [InlineData("timeZone: UTC\nweekendDown: \"Fri 25:00\"", "infra:schedule.weekendDown = \"Fri 25:00\": has no valid time.")]
    [InlineData("timeZone: UTC\nweekdayUp: \"07:00\"\nholidays: [\"25.12.2026\"]", "infra:schedule.holidays[0] = \"25.12.2026\": is not a date. Allowed: a date in the ISO form yyyy-MM-dd")]
    [InlineData("timeZone: UTC\nweekdayUp: \"07:00\"\nholidays: \"2026-12-25\"", "infra:schedule.holidays = \"2026-12-25\": must be a list.")]
    [InlineData("timeZone: UTC\nweekdayUp: \"07:00\"\noptOut: maybe", "infra:schedule.optOut = \"maybe\": is not a boolean. Allowed: true or false.")]
    [InlineData("timeZone: UTC\nweekdayUp: \"07:00\"\nwindowMinutes: 0", "infra:schedule.windowMinutes = \"0\": is out of range. Allowed: an integer from 1 to 1440.")]
    [InlineData("timeZone: UTC\nweekdayUP: \"07:00\"", "infra:schedule.weekdayUP: is not a known field. Did you mean weekdayUp? Allowed: the fields timeZone, weekdayUp")]
    [InlineData("timeZone: UTC", "sets neither weekdayUp nor weekendDown")]
    [InlineData("- a", "infra:schedule = \"[\"a\"]\": must be an object")]
    public void Errors_name_the_key_the_value_and_what_is_allowed(string yaml, string expected)
    {
        var error = Assert.Throws<ScheduleConfigException>(() => ScheduleSettings.Parse(yaml));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<ScheduleConfigException>(() => ScheduleSettings.Parse("weekdayUp: 7am\nholidays: [\"2026-12-25\", \"26.12.2026\"]\nwindowMinute: 90"));
        var lines = error.Message.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("infra:schedule.windowMinute: is not a known field. Did you mean windowMinutes?", lines[0]);
        Assert.StartsWith("infra:schedule.timeZone: is required and not set", lines[1]);
        Assert.StartsWith("infra:schedule.weekdayUp = \"7am\": has no valid time.", lines[2]);
        Assert.StartsWith("infra:schedule.holidays[1] = \"26.12.2026\": is not a date.", lines[3]);
    }

    [Theory]
    [InlineData("dev-eu", null, DeploymentEnvironment.Dev)]
    [InlineData("prod-eu", null, DeploymentEnvironment.Production)]
    [InlineData("eu", "production", DeploymentEnvironment.Production)]
    [InlineData("eu", "staging", DeploymentEnvironment.Staging)]
    [InlineData("reproduce-bug", null, DeploymentEnvironment.Dev)]
    public void Environment_comes_from_the_one_production_rule(string stack, string? configured, DeploymentEnvironment expected)
    {
        Assert.Equal(expected, StackEnvironments.Resolve(stack, configured));
    }

    [Theory]
    [InlineData("eu", "qa", "infra:environment: 'qa' is not an environment. Allowed: dev | staging | production.")]
    [InlineData("eu", "Staging", "infra:environment: 'Staging' is not an environment")]
    [InlineData("prod-mirror", "dev", "infra:environment: 'dev' contradicts the stack name 'prod-mirror', which names a production stack")]
    public void A_value_the_rule_refuses_is_an_error_with_the_fix(string stack, string configured, string expected)
    {
        var error = Assert.Throws<ScheduleConfigException>(() => StackEnvironments.Resolve(stack, configured));
        Assert.Contains(expected, error.Message);
        Assert.Contains("pulumi config set infra:environment", error.Message);
    }
}

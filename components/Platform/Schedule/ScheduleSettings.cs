using System.Globalization;
using Infra.Platform.Configuration;

namespace Infra.Platform.Schedule;

/// <summary>
/// A stack's schedule, from the stack config object <c>infra:schedule</c>:
/// <code>
/// infra:schedule:
///   timeZone: Europe/Berlin      # IANA id, required
///   weekdayUp: "07:00"           # local time, Monday to Friday
///   weekendDown: "Fri 20:00"     # day and local time
///   holidays: ["2026-12-25"]     # local dates without spin-up
///   optOut: false
///   windowMinutes: 60            # how long after the time the action still fires
/// </code>
/// Its fields are declared below and bound by the config binder, at synthesis and by <c>infra schedule</c> alike.
/// </summary>
public sealed record ScheduleSettings(
    TimeZoneInfo TimeZone,
    TimeOnly? WeekdayUp,
    WeeklyTime? WeekendDown,
    IReadOnlySet<DateOnly> Holidays,
    bool OptOut,
    TimeSpan Window)
{
    public const string ConfigKey = "infra:schedule";

    /// <summary>The hourly cron asks once an hour: a window of one hour catches each time exactly once.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(60);

    public static readonly ConfigField<TimeZoneInfo?> TimeZoneField = new("timeZone",
        ConfigShapes.Parsed<TimeZoneInfo?>("IANA time zone id", "an IANA time zone id such as Europe/Berlin, America/New_York or UTC", ParseTimeZone),
        null, "The team's time zone; every time below is local to it.")
    {
        Required = true,
        RequiredWhy = "times are the team's local time, e.g. timeZone: Europe/Berlin",
    };

    public static readonly ConfigField<TimeOnly?> WeekdayUpField = new("weekdayUp",
        ConfigShapes.Parsed<TimeOnly?>("time", "a 24-hour local time HH:mm, e.g. \"07:00\"", ParseTime),
        null, "Spin-up time, Monday to Friday.");

    public static readonly ConfigField<WeeklyTime?> WeekendDownField = new("weekendDown",
        ConfigShapes.Parsed<WeeklyTime?>("day and time", "a weekday (Mon..Sun) and a 24-hour local time, e.g. \"Fri 20:00\"", WeeklyTime.TryParse),
        null, "Teardown day and time.");

    public static readonly ConfigField<IReadOnlyList<DateOnly>?> HolidaysField = new("holidays",
        ConfigShapes.ValueList("a list of local dates, e.g. [\"2026-12-25\", \"2026-12-26\"]",
            ConfigShapes.Parsed<DateOnly>("date", "a date in the ISO form yyyy-MM-dd, e.g. \"2026-12-25\"", ParseDate)),
        null, "Local dates without spin-up.")
    {
        DefaultText = "[]",
    };

    public static readonly ConfigField<bool> OptOutField = new("optOut", ConfigShapes.Boolean, false, "Never schedule this stack.");

    public static readonly ConfigField<int> WindowMinutesField = new("windowMinutes", ConfigShapes.Integer(1, 24 * 60), (int)DefaultWindow.TotalMinutes,
        "How long after its time an action still fires; at least the cron interval (60 for hourly).");

    public static readonly ConfigShape<ScheduleSettings?> Shape = ConfigShapes.Object(
        "{timeZone: IANA id, weekdayUp: \"07:00\", weekendDown: \"Fri 20:00\", holidays: [yyyy-MM-dd], optOut: bool, windowMinutes: 1..1440}",
        [TimeZoneField, WeekdayUpField, WeekendDownField, HolidaysField, OptOutField, WindowMinutesField],
        Build);

    private static ScheduleSettings? Build(ConfigFieldValues values, ConfigAt at)
    {
        var up = values.Get(WeekdayUpField);
        var down = values.Get(WeekendDownField);
        var optOut = values.Get(OptOutField);
        if (up is null && down is null && !optOut)
        {
            at.Fail(null, "sets neither weekdayUp nor weekendDown, so it would never act; add e.g. weekdayUp: \"07:00\" and " +
                          "weekendDown: \"Fri 20:00\", or set optOut: true.");
            return null;
        }
        return new ScheduleSettings(values.Get(TimeZoneField)!, up, down, (values.Get(HolidaysField) ?? []).ToHashSet(), optOut,
            TimeSpan.FromMinutes(values.Get(WindowMinutesField)));
    }

    /// <summary>
    /// Binds the object written as YAML or JSON text (a test, a tool), with every problem in one
    /// <see cref="ScheduleConfigException"/>.
    /// </summary>
    public static ScheduleSettings Parse(string text)
    {
        var problems = new ConfigProblemList();
        var node = ConfigYaml.ParseValue(text, out var syntax);
        if (syntax is not null) throw new ScheduleConfigException(ConfigKey, syntax);
        var settings = Shape.TryBind(node, ConfigAt.Of(CommonKeys.Schedule, problems), out var bound) ? bound : null;
        if (settings is not null && problems.Errors.Count == 0) return settings;
        throw new ScheduleConfigException(string.Join("\n", problems.Errors.Select(e => e.Render())));
    }

    private static string? ParseTimeZone(string id, out TimeZoneInfo? zone)
    {
        zone = null;
        // IANA ids only: a Windows id like "W. Europe Standard Time" would make the config depend on the machine.
        if (!id.Contains('/') && id != "UTC") return "is not a known IANA time zone id.";
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return null;
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return "is not a known IANA time zone id.";
        }
    }

    private static string? ParseTime(string text, out TimeOnly? time)
    {
        var problem = WeeklyTime.TryParseTime(text, out var parsed);
        time = problem is null ? parsed : null;
        return problem;
    }

    private static string? ParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? null : "is not a date.";
}

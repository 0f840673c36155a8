using System.Globalization;

namespace Infra.Platform.Schedule;

/// <summary>A day of the week and a local time, written <c>Fri 20:00</c>.</summary>
public sealed record WeeklyTime(DayOfWeek Day, TimeOnly Time)
{
    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["monday"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday, ["tuesday"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["thursday"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["friday"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday, ["saturday"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday, ["sunday"] = DayOfWeek.Sunday,
    };

    /// <summary>Parses <c>Fri 20:00</c>; the key is named in the error message.</summary>
    public static WeeklyTime Parse(string text, string key)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Days.TryGetValue(parts[0], out var day))
        {
            throw new ScheduleConfigException(key,
                $"'{text}' is not a day and a time; write a weekday (Mon..Sun) and a 24-hour local time, e.g. \"Fri 20:00\".");
        }
        return new WeeklyTime(day, ParseTime(parts[1], key, text));
    }

    /// <summary>Parses a 24-hour local time <c>HH:mm</c>.</summary>
    public static TimeOnly ParseTime(string text, string key, string? whole = null)
    {
        if (!TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new ScheduleConfigException(key,
                $"'{whole ?? text}' has no valid time; use a 24-hour local time HH:mm, e.g. \"07:00\".");
        }
        return time;
    }

    public override string ToString() =>
        $"{Day.ToString()[..3]} {Time.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}

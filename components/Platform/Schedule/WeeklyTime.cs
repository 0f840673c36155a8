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

    /// <summary>Parses <c>Fri 20:00</c>; the key is named in the error.</summary>
    public static WeeklyTime Parse(string text, string key) =>
        TryParse(text, out var value) is { } problem ? throw new ScheduleConfigException(key, $"'{text}' {problem}") : value!;

    /// <summary>Parses <c>Fri 20:00</c>; returns what is wrong, or null.</summary>
    public static string? TryParse(string text, out WeeklyTime? value)
    {
        value = null;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Days.TryGetValue(parts[0], out var day)) return "is not a day and a time.";
        if (TryParseTime(parts[1], out var time) is { } problem) return problem;
        value = new WeeklyTime(day, time);
        return null;
    }

    /// <summary>Parses a 24-hour local time <c>HH:mm</c>; returns what is wrong, or null.</summary>
    public static string? TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time)
            ? null : "has no valid time.";

    public override string ToString() =>
        $"{Day.ToString()[..3]} {Time.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}

using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
/// </code>
/// The schedule is a desired state (up or down at any instant) that the hourly run reconciles with the
/// stack's actual state; see <c>SchedulePolicy</c> in Infra.Operations.
/// </summary>
public sealed record ScheduleSettings(
    TimeZoneInfo TimeZone,
    TimeOnly? WeekdayUp,
    WeeklyTime? WeekendDown,
    IReadOnlySet<DateOnly> Holidays,
    bool OptOut)
{
    public const string ConfigKey = "infra:schedule";

    private static readonly string[] AllowedKeys = ["timeZone", "weekdayUp", "weekendDown", "holidays", "optOut"];

    /// <summary>Parses the object as YAML or JSON text (PULUMI_CONFIG carries objects as JSON strings).</summary>
    public static ScheduleSettings Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            throw new ScheduleConfigException(ConfigKey, $"is not a valid YAML/JSON object (line {error.Start.Line}, column {error.Start.Column}); write it as a mapping, e.g. {{timeZone: Europe/Berlin, weekdayUp: \"07:00\"}}.");
        }
        if (stream.Documents.Count == 0)
        {
            throw new ScheduleConfigException(ConfigKey, "is empty; it needs at least timeZone and weekdayUp or weekendDown.");
        }
        return FromYaml(stream.Documents[0].RootNode);
    }

    public static ScheduleSettings FromYaml(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw new ScheduleConfigException(ConfigKey,
                $"must be an object with the settings {string.Join(", ", AllowedKeys)}, not {Describe(node)}.");
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? keyNode.ToString();
            if (key == "windowMinutes")
            {
                throw new ScheduleConfigException($"{ConfigKey}.{key}",
                    "is no longer a setting: the schedule is now a desired state that every hourly run reconciles, so there is no window to catch; delete the line.");
            }
            if (!AllowedKeys.Contains(key))
            {
                var suggestion = AllowedKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                throw new ScheduleConfigException($"{ConfigKey}.{key}",
                    $"is not a setting{(suggestion is null ? "" : $"; did you mean {suggestion}?")} Allowed are {string.Join(", ", AllowedKeys)} (names are case-sensitive).");
            }
            values[key] = value;
        }

        var optOut = values.TryGetValue("optOut", out var optOutNode) && ParseBool(optOutNode, "optOut");
        var zone = ParseTimeZone(values.GetValueOrDefault("timeZone"));
        TimeOnly? up = values.TryGetValue("weekdayUp", out var upNode)
            ? WeeklyTime.ParseTime(Scalar(upNode, "weekdayUp"), $"{ConfigKey}.weekdayUp")
            : null;
        var down = values.TryGetValue("weekendDown", out var downNode)
            ? WeeklyTime.Parse(Scalar(downNode, "weekendDown"), $"{ConfigKey}.weekendDown")
            : null;
        if (up is null && down is null && !optOut)
        {
            throw new ScheduleConfigException(ConfigKey,
                "sets neither weekdayUp nor weekendDown, so it would never act; add e.g. weekdayUp: \"07:00\" and weekendDown: \"Fri 20:00\", or set optOut: true.");
        }

        var holidays = values.TryGetValue("holidays", out var holidayNode) ? ParseHolidays(holidayNode) : new HashSet<DateOnly>();
        return new ScheduleSettings(zone, up, down, holidays, optOut);
    }

    private static TimeZoneInfo ParseTimeZone(YamlNode? node)
    {
        if (node is null)
        {
            throw new ScheduleConfigException($"{ConfigKey}.timeZone",
                "is missing; it is required so that times mean the team's local time, e.g. timeZone: Europe/Berlin.");
        }
        var id = Scalar(node, "timeZone");
        try
        {
            // IANA ids only: a Windows id like "W. Europe Standard Time" would make the config depend on the machine.
            if (!id.Contains('/') && id != "UTC")
            {
                throw new TimeZoneNotFoundException();
            }
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ScheduleConfigException($"{ConfigKey}.timeZone",
                $"'{id}' is not a known IANA time zone id; use one like Europe/Berlin, America/New_York or UTC.");
        }
    }

    private static HashSet<DateOnly> ParseHolidays(YamlNode node)
    {
        if (node is not YamlSequenceNode list)
        {
            throw new ScheduleConfigException($"{ConfigKey}.holidays",
                $"is {Describe(node)}, not a list; write local dates as a list, e.g. holidays: [\"2026-12-25\", \"2026-12-26\"].");
        }
        var dates = new HashSet<DateOnly>();
        foreach (var item in list.Children)
        {
            var text = Scalar(item, "holidays");
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new ScheduleConfigException($"{ConfigKey}.holidays",
                    $"'{text}' is not a date; use the ISO form yyyy-MM-dd, e.g. \"2026-12-25\".");
            }
            dates.Add(date);
        }
        return dates;
    }

    private static bool ParseBool(YamlNode node, string key)
    {
        var text = Scalar(node, key);
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw new ScheduleConfigException($"{ConfigKey}.{key}", $"'{text}' is not a boolean; use true or false."),
        };
    }

    private static string Scalar(YamlNode node, string key) =>
        node is YamlScalarNode { Value: { } value }
            ? value
            : throw new ScheduleConfigException($"{ConfigKey}.{key}", $"is {Describe(node)}; it must be a single value.");

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "an object",
        YamlScalarNode { Value: null or "" } => "empty",
        YamlScalarNode scalar => $"the single value '{scalar.Value}'",
        _ => "not a value",
    };
}

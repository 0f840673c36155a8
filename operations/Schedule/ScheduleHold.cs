using System.Globalization;

namespace Infra.Operations.Schedule;

/// <summary>
/// A person keeps a dev stack up past its teardown until <see cref="Until"/>. A hold always ends: it is
/// recorded with its end (a Pulumi stack tag, <see cref="UntilTag"/>) and refused beyond <see cref="Longest"/>.
/// </summary>
public sealed record ScheduleHold(DateTimeOffset Until, string? Reason)
{
    /// <summary>The stack tag holding the end, ISO-8601 UTC; read by the hourly run from Pulumi.</summary>
    public const string UntilTag = "infra:holdUntil";

    /// <summary>The stack tag holding why, shown in the workflow summary.</summary>
    public const string ReasonTag = "infra:holdReason";

    /// <summary>Holds longer than this are refused: a forgotten hold must not keep a stack up for months.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(14);

    public bool IsActive(DateTimeOffset instant) => instant < Until;

    public string UntilText => Until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public string Describe() => $"held up until {UntilText}" + (string.IsNullOrWhiteSpace(Reason) ? "" : $" ({Reason})");

    /// <summary>Reads the hold from the stack's tags; null when there is none. A tag that is not a time is an error.</summary>
    public static ScheduleHold? FromTags(IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue(UntilTag, out var text) || string.IsNullOrWhiteSpace(text)) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var until))
            throw new InvalidDataException(
                $"stack tag {UntilTag} = '{text}' is not an ISO-8601 time; set it again with `infra schedule hold STACK --until 2026-12-04T18:00:00Z` " +
                "or remove it with `infra schedule release STACK`.");
        return new ScheduleHold(until, tags.GetValueOrDefault(ReasonTag));
    }
}

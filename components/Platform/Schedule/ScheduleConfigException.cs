namespace Infra.Platform.Schedule;

/// <summary>
/// An invalid <c>infra:schedule</c> setting. <see cref="Key"/> names the setting
/// (<c>infra:schedule.timeZone</c>) and <see cref="Problem"/> says what is wrong and what is allowed,
/// so that synthesis can list it with the stack's other config errors.
/// </summary>
public sealed class ScheduleConfigException : Exception
{
    public ScheduleConfigException(string key, string problem) : base($"{key}: {problem}")
    {
        Key = key;
        Problem = problem;
    }

    /// <summary>A message that names its key itself.</summary>
    public ScheduleConfigException(string message) : base(message)
    {
        Key = null;
        Problem = message;
    }

    public string? Key { get; }

    public string Problem { get; }
}

namespace Infra.Operations.Schedule;

/// <summary>An invalid <c>infra:schedule</c> setting; the message names the key, the value and what is allowed.</summary>
public sealed class ScheduleConfigException(string message) : Exception(message);

namespace Infra.Operations.Schedule;

/// <summary>The action for an instant, with the reason in words (for logs and <c>--explain</c>).</summary>
public sealed record ScheduleDecision(ScheduleAction Action, string Reason);

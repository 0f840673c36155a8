namespace Infra.Operations.Schedule;

/// <summary>What the schedule wants a stack to be at an instant; <see cref="Unmanaged"/> leaves it as it is.</summary>
public enum DesiredState
{
    Unmanaged,
    Up,
    Down,
}

/// <summary>The desired state at an instant, with the reason in words (for logs and the workflow summary).</summary>
public sealed record DesiredStateDecision(DesiredState State, string Reason);

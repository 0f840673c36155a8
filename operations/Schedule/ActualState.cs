namespace Infra.Operations.Schedule;

/// <summary>
/// Whether a stack is deployed, as Pulumi's state says: <see cref="Up"/> when the stack has resources,
/// <see cref="Down"/> when it has none or does not exist in the backend.
/// </summary>
public enum ActualState
{
    Down,
    Up,
}

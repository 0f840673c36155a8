namespace Infra.Operations.Deploy;

/// <summary>
/// When another update holds a stack (a scheduled teardown meeting a deploy), Pulumi fails with
/// "[409] Conflict: Another update is currently in progress." The operation is retried after these
/// pauses, about 7.5 minutes in all, then the failure stands and the workflow raises its alert.
/// </summary>
public static class LockRetry
{
    public static readonly IReadOnlyList<TimeSpan> Delays =
        [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240)];

    public static bool IsLockConflict(string text) =>
        text.Contains("another update is currently in progress", StringComparison.OrdinalIgnoreCase)
        || (text.Contains("409", StringComparison.Ordinal) && text.Contains("conflict", StringComparison.OrdinalIgnoreCase));
}

namespace Infra.Operations.Diff;

/// <summary>The stack and project every URN of a program starts with.</summary>
/// <remarks>Both sides of a diff share them, so they never cause a change; they only make URNs readable.</remarks>
public sealed record UrnScope(string Stack, string Project)
{
    /// <summary>Used when the caller does not know the stack or project.</summary>
    public static UrnScope Unnamed { get; } = new("STACK", "PROJECT");
}

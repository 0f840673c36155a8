namespace Infra.Operations.Diff;

/// <summary>
/// One changed value at a property path such as <c>properties.ports[0].external</c>.
/// Old and new are already rendered for display and already masked when secret.
/// </summary>
/// <param name="LineChanges">For multi-line strings (scripts, user-data): the changed lines, each prefixed "+ " or "- ".</param>
public sealed record ValueChange(
    string Path,
    ChangeKind Kind,
    string? OldValue,
    string? NewValue,
    bool IsSecret = false,
    IReadOnlyList<string>? LineChanges = null);

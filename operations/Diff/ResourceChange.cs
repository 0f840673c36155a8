namespace Infra.Operations.Diff;

/// <summary>Whether a resource appears, disappears or differs between the base and head programs.</summary>
public enum ResourceChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// One resource of the program (by logical name) that differs. For a changed resource,
/// <see cref="PropertyChanges"/> holds paths under <c>properties</c> and <c>get</c>,
/// <see cref="OptionChanges"/> paths under <c>options</c> (protect, provider, parent, dependsOn...).
/// </summary>
public sealed record ResourceChange(
    string Name,
    ResourceChangeKind Kind,
    string Type,
    string? OldType,
    IReadOnlyList<ValueChange> PropertyChanges,
    IReadOnlyList<ValueChange> OptionChanges)
{
    /// <summary>The resource type changed: Pulumi will replace the resource.</summary>
    public bool TypeChanged => OldType is not null && OldType != Type;

    public int DetailCount => PropertyChanges.Count + OptionChanges.Count + (TypeChanged ? 1 : 0);
}

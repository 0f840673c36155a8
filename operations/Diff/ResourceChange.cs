namespace Infra.Operations.Diff;

/// <summary>What Pulumi will do with a resource, judged from the two programs.</summary>
public enum ResourceChangeKind
{
    /// <summary>A new URN: created.</summary>
    Added,

    /// <summary>A URN that is gone: deleted.</summary>
    Removed,

    /// <summary>The same URN with different inputs or options: updated in place.</summary>
    Changed,

    /// <summary>Deleted and created again: a new URN (name, type or parent type changed) or a change the provider cannot update.</summary>
    Replaced,
}

/// <summary>
/// One resource of the program (by logical name) that differs. For a changed or replaced resource,
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
    /// <summary>The resource's URN (the old one for a removed resource).</summary>
    public string? Urn { get; init; }

    /// <summary>The URN it had in the base program, when that differs from <see cref="Urn"/>.</summary>
    public string? OldUrn { get; init; }

    /// <summary>The key it had in the base program, when an alias carried it over from another name.</summary>
    public string? OldName { get; init; }

    /// <summary>Why it is replaced; empty unless <see cref="Kind"/> is <see cref="ResourceChangeKind.Replaced"/>.</summary>
    public IReadOnlyList<ReplacementReason> ReplacedBecause { get; init; } = [];

    /// <summary>Updates that follow from other changes without any change of its own text (a referenced resource is replaced).</summary>
    public IReadOnlyList<string> ImpliedBy { get; init; } = [];

    /// <summary>Changes the program's <c>options.ignoreChanges</c> tells Pulumi to ignore: shown, never applied.</summary>
    public IReadOnlyList<ValueChange> IgnoredChanges { get; init; } = [];

    /// <summary><c>deleteBeforeReplace</c>: the old resource goes before the new one exists.</summary>
    public bool DeletesBeforeReplacing { get; init; }

    /// <summary><c>protect</c>: Pulumi refuses to delete or replace it until the option is removed.</summary>
    public bool Protected { get; init; }

    /// <summary>The resource type changed: a new URN, so Pulumi replaces the resource (unless an alias names the old type).</summary>
    public bool TypeChanged => OldType is not null && OldType != Type;

    public int DetailCount => PropertyChanges.Count + OptionChanges.Count + (TypeChanged ? 1 : 0) + ImpliedBy.Count;
}

namespace Infra.Operations.Diff;

/// <summary>How one value (a property, option, output, config entry) differs between two programs.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
    /// <summary>A list holds the same items in another order: reported once, not as one change per index.</summary>
    Reordered,
}

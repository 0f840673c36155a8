namespace Infra.Operations.Diff;

/// <summary>How much of a tier a markdown comment shows; each level drops more to fit the size limit.</summary>
public enum DetailLevel
{
    /// <summary>Resource table plus every property path with old → new.</summary>
    Full,

    /// <summary>Resource table with a count of changed paths per resource; no property details.</summary>
    Resources,

    /// <summary>Counts per resource type; no per-resource lines.</summary>
    TypeCounts,

    /// <summary>Only the tier's summary line.</summary>
    SummaryOnly,
}

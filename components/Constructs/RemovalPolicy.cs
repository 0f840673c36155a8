namespace Infra.Constructs;

/// <summary>
/// What happens to a construct's data when its stack is destroyed: a prop, chosen by the tier (from the
/// stack's environment), never decided inside the construct. Props default to the safe production choice.
/// </summary>
public enum RemovalPolicy
{
    /// <summary>Left in the cloud when the stack is destroyed (Pulumi forgets it): production evidence and data.</summary>
    Retain,

    /// <summary>Deleted with the stack after a final snapshot, from which a later stack can restore it.</summary>
    Snapshot,

    /// <summary>Deleted with the stack only when empty: deleting one that still holds data fails and says so.</summary>
    DestroyIfEmpty,

    /// <summary>Deleted with the stack, contents and all: a dev teardown must not stop on leftovers.</summary>
    Destroy,
}

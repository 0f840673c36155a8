using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>
/// Base of every typed argument object (resource inputs and their nested types). The provider types
/// are generated (tools/ProviderGen) and write their own <see cref="ToObjectExpr"/>: wire names, no
/// reflection. Their init accessors report each property as it is set, so the program lists the
/// properties in the order the code sets them: a program reads like the construct that wrote it, and
/// moving a construct onto another args type cannot reorder its output.
/// </summary>
public abstract class Args
{
    private List<int>? assigned;

    /// <summary>The program object of these arguments; unset properties are left out.</summary>
    public abstract ObjectExpr ToObjectExpr();

    /// <summary>Called by a generated init accessor: the property with this ordinal was set.</summary>
    protected void Assigned(int ordinal)
    {
        assigned ??= new List<int>(8);
        if (!assigned.Contains(ordinal)) assigned.Add(ordinal);
    }

    /// <summary>The ordinals of the properties set so far, in the order they were set.</summary>
    protected IReadOnlyList<int> AssignedOrder => assigned ?? (IReadOnlyList<int>)[];
}


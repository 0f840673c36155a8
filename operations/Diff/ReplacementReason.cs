namespace Infra.Operations.Diff;

/// <summary>Why Pulumi will replace a resource (create a new one and delete the old) rather than update it.</summary>
public enum ReplacementCause
{
    /// <summary>Its URN changed (name, type or a parent's type) and no alias names the old one.</summary>
    Identity,

    /// <summary>A property the provider cannot update changed (<see cref="ReplacingProperties"/>).</summary>
    Property,

    /// <summary>A property listed in the program's <c>options.replaceOnChanges</c> changed.</summary>
    ReplaceOnChanges,

    /// <summary>Its provider reference changed, or its provider is replaced.</summary>
    Provider,

    /// <summary>A property that forces replacement refers to a resource that is replaced (or a variable that changes).</summary>
    Dependency,
}

/// <param name="Path">The changed path (<c>properties.privateIp</c>, <c>options.provider</c>, <c>urn</c>).</param>
/// <param name="Explanation">What happens, in words.</param>
/// <param name="Source">Where the rule comes from, so a reviewer can check it.</param>
public sealed record ReplacementReason(ReplacementCause Cause, string Path, string Explanation, string Source)
{
    public override string ToString() => $"{Path}: {Explanation} [{Source}]";
}

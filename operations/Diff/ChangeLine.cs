namespace Infra.Operations.Diff;

/// <summary>The one-line text of a change, shared by the terminal and markdown renderers.</summary>
public static class ChangeLine
{
    public static string Marker(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "+",
        ChangeKind.Removed => "-",
        _ => "~",
    };

    /// <summary>Pulumi's own markers: <c>+</c> create, <c>-</c> delete, <c>~</c> update, <c>+-</c> replace.</summary>
    public static string Marker(ResourceChangeKind kind) => kind switch
    {
        ResourceChangeKind.Added => "+",
        ResourceChangeKind.Removed => "-",
        ResourceChangeKind.Replaced => "+-",
        _ => "~",
    };

    public static string Format(ValueChange change) => change.Kind switch
    {
        ChangeKind.Added => $"+ {change.Path}: {change.NewValue}",
        ChangeKind.Removed => $"- {change.Path}: {change.OldValue}",
        ChangeKind.Reordered => $"~ {change.Path}: reordered {change.OldValue} → {change.NewValue}",
        _ when change.LineChanges is { } lines => $"~ {change.Path}: {lines.Count} changed line(s)",
        _ => $"~ {change.Path}: {change.OldValue} → {change.NewValue}",
    };

    public static string TypeChange(ResourceChange resource) =>
        $"~ type: {resource.OldType} → {resource.Type} " +
        (resource.Kind == ResourceChangeKind.Replaced ? "(Pulumi replaces the resource)" : "(an alias keeps the resource)");

    /// <summary>Why a resource is replaced, one line per reason, plus what the options make of it.</summary>
    public static IEnumerable<string> Replacement(ResourceChange resource)
    {
        foreach (var reason in resource.ReplacedBecause) yield return $"! replaced: {reason}";
        if (resource.OldUrn is not null) yield return $"! old URN: {resource.OldUrn}";
        if (resource.DeletesBeforeReplacing) yield return "! deleteBeforeReplace: the old one is deleted before the new one is created";
        if (resource.Protected) yield return "! protect: Pulumi refuses to replace it until protect is removed";
    }

    /// <summary>Updates that follow from a replaced resource it refers to.</summary>
    public static IEnumerable<string> Implied(ResourceChange resource) =>
        resource.ImpliedBy.Select(line => $"~ {line} (updated)");

    /// <summary>All detail lines of a changed resource, type first, then properties, then options.</summary>
    public static IEnumerable<ValueChange> Details(ResourceChange resource) =>
        resource.PropertyChanges.Concat(resource.OptionChanges);

    /// <summary>One line per resource whose only changes are ignored by its <c>ignoreChanges</c> option.</summary>
    public static string Ignored(ResourceChange resource) =>
        $"{resource.Name}: {string.Join(", ", resource.IgnoredChanges.Select(change => change.Path))} (ignoreChanges: not applied)";
}

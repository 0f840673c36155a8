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

    public static string Marker(ResourceChangeKind kind) => kind switch
    {
        ResourceChangeKind.Added => "+",
        ResourceChangeKind.Removed => "-",
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
        $"~ type: {resource.OldType} → {resource.Type} (Pulumi replaces the resource)";

    /// <summary>All detail lines of a changed resource, type first, then properties, then options.</summary>
    public static IEnumerable<ValueChange> Details(ResourceChange resource) =>
        resource.PropertyChanges.Concat(resource.OptionChanges);
}

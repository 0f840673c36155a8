namespace Infra.Operations.Diff;

/// <summary>Helpers for the value paths a diff reports (<c>properties.tags.Name</c>, <c>properties.ports[0].external</c>).</summary>
public static class PropertyPath
{
    public const string PropertiesPrefix = "properties.";

    /// <summary>The path relative to <c>properties</c>, or null for a path elsewhere (options, get, name).</summary>
    public static string? UnderProperties(string path) =>
        path.StartsWith(PropertiesPrefix, StringComparison.Ordinal) ? path[PropertiesPrefix.Length..]
        : path == "properties" ? "" : null;

    /// <summary>The first segment: <c>tags</c> of <c>tags.Name</c>, <c>ports</c> of <c>ports[0]</c>.</summary>
    public static string TopLevel(string relativePath)
    {
        var end = relativePath.IndexOfAny(['.', '[']);
        return end < 0 ? relativePath : relativePath[..end];
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="prefix"/> or inside it (<c>a.b</c> and <c>a[0]</c> are inside <c>a</c>).</summary>
    public static bool IsUnder(string path, string prefix) =>
        prefix.Length == 0
        || path == prefix
        || (path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length && path[prefix.Length] is '.' or '[');

    /// <summary>
    /// True when a change at <paramref name="path"/> may change <paramref name="property"/>: the path is
    /// inside it, or it is a whole object or list that contains it (reported at the parent when one side is missing).
    /// </summary>
    public static bool Overlaps(string path, string property) => IsUnder(path, property) || IsUnder(property, path);
}

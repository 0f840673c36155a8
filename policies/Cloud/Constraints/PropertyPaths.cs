using Infra.Synthesis.Expressions;

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// Every value at a property path where <c>[]</c> stands for each item of a list
/// (<c>ingress[].description</c>), with the concrete path of each (<c>ingress[2].description</c>).
/// </summary>
public static class PropertyPaths
{
    /// <summary>The values in document order; a missing or null value is left out.</summary>
    public static IReadOnlyList<(string Path, Expr Value)> Values(Expr? root, string path)
    {
        // A walk, not LINQ: CLD-003 reads these paths on every security group and IAM resource.
        var found = new List<(string Path, Expr Value)>();
        Walk(root, "", path, 0, found);
        return found;
    }

    // Follows the segment of `path` that begins at `start` (segments are split at '.'); past the last, `value` is found.
    private static void Walk(Expr? value, string at, string path, int start, List<(string Path, Expr Value)> found)
    {
        if (start > path.Length)
        {
            if (value is not (null or NullLiteral)) found.Add((at, value));
            return;
        }
        if (value is not ObjectExpr obj) return;
        var end = path.IndexOf('.', start);
        if (end < 0) end = path.Length;
        var segment = path.AsSpan(start, end - start);
        var each = segment.EndsWith("[]", StringComparison.Ordinal);
        var key = (each ? segment[..^2] : segment).ToString();
        var here = at.Length == 0 ? key : $"{at}.{key}";
        var child = obj[key];
        if (!each)
        {
            Walk(child, here, path, end + 1, found);
            return;
        }
        if (child is not ListExpr list) return;
        for (var i = 0; i < list.Items.Count; i++) Walk(list.Items[i], $"{here}[{i}]", path, end + 1, found);
    }
}

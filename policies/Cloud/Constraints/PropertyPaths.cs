using Infra.Synthesis.Expressions;

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// Every value at a property path where <c>[]</c> stands for each item of a list
/// (<c>ingress[].description</c>), with the concrete path of each (<c>ingress[2].description</c>).
/// </summary>
public static class PropertyPaths
{
    public static IEnumerable<(string Path, Expr Value)> Values(Expr? root, string path)
    {
        IEnumerable<(string Path, Expr? Value)> current = [("", root)];
        foreach (var segment in path.Split('.'))
        {
            var each = segment.EndsWith("[]", StringComparison.Ordinal);
            var key = each ? segment[..^2] : segment;
            current = current.SelectMany(c => Step(c.Path, c.Value, key, each)).ToList();
        }
        return current.Where(c => c.Value is not (null or NullLiteral)).Select(c => (c.Path, c.Value!));
    }

    private static IEnumerable<(string, Expr?)> Step(string at, Expr? value, string key, bool each)
    {
        var obj = value as ObjectExpr;
        if (obj is null) yield break;
        var path = at.Length == 0 ? key : $"{at}.{key}";
        var child = obj[key];
        if (!each)
        {
            yield return (path, child);
            yield break;
        }
        var list = child as ListExpr;
        if (list is null) yield break;
        for (var i = 0; i < list.Items.Count; i++) yield return ($"{path}[{i}]", list.Items[i]);
    }
}

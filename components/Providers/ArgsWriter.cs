using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Providers;

/// <summary>
/// What the generated provider types call to serialize lists and maps without reflection. Same rules
/// as <see cref="ExprConverter"/>: list items keep their order (a null item stays null); map entries
/// are sorted by key, so the program never depends on hashing, and null values are left out.
/// </summary>
public static class ArgsWriter
{
    public static ListExpr List<T>(IReadOnlyList<T> items, Func<T, Expr> item)
    {
        var list = new List<Expr>(items.Count);
        foreach (var value in items) list.Add(value is null ? NullLiteral.Instance : item(value));
        return new ListExpr(list);
    }

    public static ObjectExpr Map<T>(IReadOnlyDictionary<string, T> map, Func<T, Expr> value)
    {
        var entries = new List<KeyValuePair<string, Expr>>(map.Count);
        foreach (var (key, entry) in map)
        {
            if (entry is not null) entries.Add(new(key, value(entry)));
        }
        return ObjectExpr.Sorted(entries);
    }
}

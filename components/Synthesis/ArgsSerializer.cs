using System.Collections.Concurrent;
using System.Reflection;
using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>Serializes <see cref="Args"/> objects into ordered program objects.</summary>
public static class ArgsSerializer
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(string Name, PropertyInfo Property)>> Members = new();

    /// <summary>The program object of <paramref name="args"/>: generated code where there is some, else reflection.</summary>
    public static ObjectExpr Serialize(Args args) => args.ToObjectExpr();

    /// <summary>The reflection path for hand-written args; it goes once every provider type is generated.</summary>
    internal static ObjectExpr Reflect(Args args)
    {
        var entries = new List<KeyValuePair<string, Expr>>();
        foreach (var (name, property) in Members.GetOrAdd(args.GetType(), MembersOf))
        {
            var value = property.GetValue(args);
            if (value is null) continue;
            entries.Add(new(name, ExprConverter.From(value)));
        }
        return new ObjectExpr(entries);
    }

    /// <summary>
    /// The properties an args type writes, with their wire names, in the order <see cref="Serialize"/>
    /// writes them: declaration order (metadata token), base class first, stable across runs and readable.
    /// Computed afresh on each call (<see cref="Serialize"/> keeps one per type), so tests see it directly.
    /// </summary>
    public static IReadOnlyList<(string Name, PropertyInfo Property)> MembersOf(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
        .OrderBy(p => Depth(p.DeclaringType!))
        .ThenBy(p => p.MetadataToken)
        .Select(p => (p.GetCustomAttribute<WireNameAttribute>()?.Name ?? CamelCase(p.Name), p))
        .ToArray();

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType) depth++;
        return depth;
    }

    public static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

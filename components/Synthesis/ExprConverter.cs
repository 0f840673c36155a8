using System.Collections;
using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>Turns C# values (literals, lists, dictionaries, args objects, outputs) into expressions.</summary>
public static class ExprConverter
{
    public static Expr From(object? value) => value switch
    {
        null => NullLiteral.Instance,
        Expr expr => expr,
        IExpressible expressible => expressible.Expr,
        string text => new StringLiteral(text),
        bool flag => new BoolLiteral(flag),
        int number => new NumberLiteral(number),
        long number => new NumberLiteral(number),
        double number => new NumberLiteral(number),
        decimal number => new NumberLiteral((double)number),
        Enum member => new StringLiteral(EnumText(member)),
        Args args => args.ToObjectExpr(),
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable sequence => new ListExpr(sequence.Cast<object?>().Select(From).ToList()),
        _ => throw new SynthesisException($"A {value.GetType().Name} cannot be emitted into the program."),
    };

    private static ObjectExpr FromDictionary(IDictionary dictionary)
    {
        var entries = new List<KeyValuePair<string, Expr>>();
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
                throw new SynthesisException($"Object keys must be strings, not {entry.Key.GetType().Name}.");
            if (entry.Value is null) continue;
            entries.Add(new(key, From(entry.Value)));
        }
        return ObjectExpr.Sorted(entries);
    }

    /// <summary>An enum member is written as its name in camelCase (read without reflection over its fields).</summary>
    private static string EnumText(Enum value)
    {
        var name = value.ToString();
        return name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }
}

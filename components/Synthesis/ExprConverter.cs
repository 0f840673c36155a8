using System.Collections;
using System.Reflection;
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
        Args args => ArgsSerializer.Serialize(args),
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

    /// <summary>Enum members name their wire value with <see cref="WireNameAttribute"/>, or use camelCase.</summary>
    private static string EnumText(Enum value)
    {
        var member = value.GetType().GetField(value.ToString());
        var wire = member?.GetCustomAttribute<WireNameAttribute>();
        return wire?.Name ?? ArgsSerializer.CamelCase(value.ToString());
    }
}

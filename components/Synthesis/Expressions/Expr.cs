using System.Globalization;

namespace Infra.Synthesis.Expressions;

/// <summary>
/// A value in the emitted program. Everything a resource property, variable or output can hold is
/// an <see cref="Expr"/>: literals, lists, objects, references, interpolations and built-in calls.
/// Literal strings are kept raw here and escaped once, by the emitter.
/// </summary>
public abstract record Expr
{
    public static implicit operator Expr(string value) => new StringLiteral(value);
    public static implicit operator Expr(bool value) => new BoolLiteral(value);
    public static implicit operator Expr(int value) => new NumberLiteral(value);
    public static implicit operator Expr(long value) => new NumberLiteral(value);
    public static implicit operator Expr(double value) => new NumberLiteral(value);
}

/// <summary>A literal string; every <c>$</c> in it is escaped on emission so it survives interpolation.</summary>
public sealed record StringLiteral(string Value) : Expr;

public sealed record BoolLiteral(bool Value) : Expr;

public sealed record NumberLiteral(double Value) : Expr
{
    /// <summary>
    /// Invariant, shortest round-trip form (what .NET prints for a double); integers below 1e15 are
    /// written in full, with no decimal point or exponent.
    /// </summary>
    public string Text
    {
        get
        {
            Span<char> text = stackalloc char[MaxTextLength];
            return new string(text[..Format(text)]);
        }
    }

    /// <summary>Room for any <see cref="Text"/> ("-1.7976931348623157E+308" is the longest).</summary>
    internal const int MaxTextLength = 32;

    /// <summary>Writes <see cref="Text"/> into <paramref name="destination"/> (of <see cref="MaxTextLength"/>, always enough) and returns its length.</summary>
    internal int Format(Span<char> destination)
    {
        int written;
        _ = Value == Math.Floor(Value) && Math.Abs(Value) < 1e15
            ? ((long)Value).TryFormat(destination, out written, default, CultureInfo.InvariantCulture)
            : Value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
        return written;
    }
}

public sealed record NullLiteral : Expr
{
    public static readonly NullLiteral Instance = new();
}

public sealed record ListExpr(IReadOnlyList<Expr> Items) : Expr;

/// <summary>An object whose entries keep the order they were given in (the emitter never reorders).</summary>
public sealed record ObjectExpr(IReadOnlyList<KeyValuePair<string, Expr>> Entries) : Expr
{
    public static readonly ObjectExpr Empty = new([]);

    public Expr? this[string key]
    {
        get
        {
            // A loop, not LINQ: the policies look up properties tens of thousands of times per program.
            for (var i = 0; i < Entries.Count; i++)
                if (Entries[i].Key == key) return Entries[i].Value;
            return null;
        }
    }

    /// <summary>An object from a dictionary, sorted by key so that its order never depends on hashing.</summary>
    public static ObjectExpr Sorted(IEnumerable<KeyValuePair<string, Expr>> entries) =>
        new(entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList());
}

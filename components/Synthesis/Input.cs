using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>Anything that renders to an expression of the emitted program.</summary>
public interface IExpressible
{
    Expr Expr { get; }
}

/// <summary>
/// A value a property accepts: a literal <typeparamref name="T"/>, a reference to another resource's
/// output, an interpolation, or a built-in call. Conversions from literals and outputs are implicit,
/// so typed arguments read like plain C#.
/// </summary>
public sealed class Input<T> : IExpressible
{
    public Expr Expr { get; }

    private Input(Expr expr) => Expr = expr;

    public static Input<T> From(Expr expr) => new(expr);

    public static implicit operator Input<T>(T value) => new(ExprConverter.From(value));

    public static implicit operator Input<T>(Output<T> output) => new(output.Expr);

    public override string ToString() => throw Output.StringConversion();
}

using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>
/// A typed reference to a value known only at deployment (a resource output, a variable, a config
/// value or an invoke result). It never has a value at synthesis time; it renders as <c>${...}</c>.
/// </summary>
public sealed class Output<T> : IExpressible
{
    public Expr Expr { get; }

    internal Output(Expr expr) => Expr = expr;

    /// <summary>A nested property: <c>${res.endpoint.address}</c>.</summary>
    public Output<TProperty> Property<TProperty>(string path) => new(Extend(path));

    /// <summary>An element of a list output: <c>${res.items[0]}</c>.</summary>
    public Output<TElement> Index<TElement>(int index) => new(Expr switch
    {
        Reference reference => reference.Then(new PathSegment.Index(index)),
        _ => new FunctionCall("fn::select", new ListExpr([new NumberLiteral(index), Expr])),
    });

    private Expr Extend(string path) => Expr switch
    {
        Reference reference => reference.Then(path),
        Invoke invoke when invoke.Return is null && !path.Contains('.') && !path.Contains('[') => invoke with { Return = path },
        _ => throw new SynthesisException(
            $"Cannot read '{path}' from a {Expr.GetType().Name}; bind it to a variable first (Blueprint.Variable)."),
    };

    public override string ToString() => throw Output.StringConversion();
}

public static class Output
{
    /// <summary>A reference to any logical name (resource, variable or config key) with an optional path.</summary>
    public static Output<T> Of<T>(string root, string? path = null) =>
        new(path is null ? new Reference(root) : new Reference(root).Then(path));

    internal static InvalidOperationException StringConversion() => new(
        "An Output or Input has no value at synthesis time and cannot become a C# string. " +
        "Use Text.Interpolate($\"...{output}...\") to build a string that keeps the reference.");
}

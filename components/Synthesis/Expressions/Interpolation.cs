namespace Infra.Synthesis.Expressions;

/// <summary>
/// A string made of literal text and references, emitted as <c>text ${ref} text</c>. Literal parts are
/// escaped on emission; only references can sit inside <c>${}</c> in Pulumi YAML, so any other
/// expression must first be bound to a variable.
/// </summary>
public sealed record Interpolation : Expr
{
    public IReadOnlyList<Expr> Parts { get; }

    public Interpolation(IReadOnlyList<Expr> parts)
    {
        foreach (var part in parts)
        {
            if (part is not (StringLiteral or Reference))
                throw new SynthesisException(
                    $"Only references can be interpolated into a string, not {part.GetType().Name}. " +
                    "Bind the value to a variable (Blueprint.Variable) and interpolate the variable.");
        }
        Parts = Merge(parts);
    }

    private static List<Expr> Merge(IReadOnlyList<Expr> parts)
    {
        var merged = new List<Expr>();
        foreach (var part in parts)
        {
            if (part is StringLiteral { Value.Length: 0 }) continue;
            if (part is StringLiteral next && merged.Count > 0 && merged[^1] is StringLiteral previous)
                merged[^1] = new StringLiteral(previous.Value + next.Value);
            else
                merged.Add(part);
        }
        return merged;
    }
}

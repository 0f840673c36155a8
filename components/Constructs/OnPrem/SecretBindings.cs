using Infra.Platform.Database;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Constructs.OnPrem;

/// <summary>
/// Binds the credential placeholders of generated configuration to references (random passwords,
/// secret config) and turns the generated text into a Pulumi interpolation: the secret values never
/// enter the program, and the text around them stays literal (escaped by the emitter).
/// </summary>
public sealed class SecretBindings
{
    private readonly Dictionary<string, Expr> bindings = new(StringComparer.Ordinal);

    public void Bind(string key, IExpressible value)
    {
        if (value.Expr is not Reference)
            throw new SynthesisException($"Credential '{key}' must be bound to a reference (a resource output or config key), not a {value.Expr.GetType().Name}.");
        if (!bindings.TryAdd(key, value.Expr))
            throw new SynthesisException($"Credential '{key}' is bound twice.");
    }

    /// <summary>The text with every placeholder replaced by its reference; secret when any placeholder occurs.</summary>
    public Input<string> Render(string generated)
    {
        var segments = SecretTemplate.Split(generated);
        if (segments.All(s => s.PlaceholderKey is null)) return generated;
        var parts = segments.Select(s => s.PlaceholderKey is { } key
            ? bindings.GetValueOrDefault(key) ?? throw new SynthesisException(
                $"Generated configuration uses credential '{key}', which nothing provides. Bind it with {nameof(SecretBindings)}.{nameof(Bind)}.")
            : new StringLiteral(s.Literal!)).ToList();
        return Fn.Secret(Input<string>.From(new Interpolation(parts)));
    }
}

using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>The built-in functions of Pulumi YAML, typed.</summary>
public static class Fn
{
    /// <summary>Marks a value secret; use it wherever a secret flows into a plain property.</summary>
    public static Input<T> Secret<T>(Input<T> value) => Input<T>.From(new FunctionCall("fn::secret", value.Expr));

    public static Input<string> ToJson(object value) =>
        Input<string>.From(new FunctionCall("fn::toJSON", ExprConverter.From(value)));

    public static Input<string> ToBase64(Input<string> value) =>
        Input<string>.From(new FunctionCall("fn::toBase64", value.Expr));

    public static Input<string> FromBase64(Input<string> value) =>
        Input<string>.From(new FunctionCall("fn::fromBase64", value.Expr));

    public static Input<string> Join(string delimiter, IEnumerable<Input<string>> values) =>
        Input<string>.From(new FunctionCall("fn::join",
            new ListExpr([new StringLiteral(delimiter), new ListExpr(values.Select(v => v.Expr).ToList())])));

    public static Input<string> Join(string delimiter, Input<IReadOnlyList<string>> values) =>
        Input<string>.From(new FunctionCall("fn::join", new ListExpr([new StringLiteral(delimiter), values.Expr])));

    public static Input<IReadOnlyList<string>> Split(string delimiter, Input<string> value) =>
        Input<IReadOnlyList<string>>.From(new FunctionCall("fn::split", new ListExpr([new StringLiteral(delimiter), value.Expr])));

    /// <summary>
    /// Every <paramref name="old"/> in <paramref name="value"/> replaced by <paramref name="replacement"/>, at
    /// deployment (Pulumi YAML has no replace: <c>fn::join</c> of <c>fn::split</c>). A value without
    /// <paramref name="old"/> comes through unchanged.
    /// </summary>
    public static Input<string> Replace(Input<string> value, string old, string replacement) =>
        string.IsNullOrEmpty(old)
            ? throw new SynthesisException("Fn.Replace needs a non-empty text to replace.")
            : Input<string>.From(new FunctionCall("fn::join",
                new ListExpr([new StringLiteral(replacement), Split(old, value).Expr])));

    public static Input<T> Select<T>(int index, Input<IReadOnlyList<T>> values) =>
        Input<T>.From(new FunctionCall("fn::select", new ListExpr([new NumberLiteral(index), values.Expr])));

    public static Input<T> Select<T>(int index, Output<IReadOnlyList<T>> values) => Select<T>(index, (Input<IReadOnlyList<T>>)values);

    public static Input<string> Select(int index, IEnumerable<Input<string>> values) =>
        Input<string>.From(new FunctionCall("fn::select",
            new ListExpr([new NumberLiteral(index), new ListExpr(values.Select(v => v.Expr).ToList())])));

    public static Input<Asset> StringAsset(Input<string> text) =>
        Input<Asset>.From(new FunctionCall("fn::stringAsset", text.Expr));

    public static Input<Asset> FileAsset(string path) =>
        Input<Asset>.From(new FunctionCall("fn::fileAsset", new StringLiteral(path)));

    public static Input<Asset> FileArchive(string path) =>
        Input<Asset>.From(new FunctionCall("fn::fileArchive", new StringLiteral(path)));

    /// <summary>
    /// Calls a provider function through an explicit provider: <paramref name="provider"/>, or else the
    /// scope's default provider for the function's package, found exactly as a resource created in
    /// <paramref name="scope"/> finds its provider. So no lookup runs on Pulumi's implicit default provider
    /// (whose region comes from the environment, not the stack). <paramref name="returns"/> picks one field
    /// of the result; without it the whole result object is returned.
    /// </summary>
    public static Output<T> Invoke<T>(Scope scope, string function, object? arguments = null, string? returns = null,
        ProviderResource? provider = null)
    {
        var args = arguments is null ? ObjectExpr.Empty : ExprConverter.From(arguments) as ObjectExpr
            ?? throw new SynthesisException($"The arguments of fn::invoke {function} must be an object.");
        var package = Resource.PackageOf(function);
        provider ??= scope.FindProvider(package) ?? throw new SynthesisException(
            $"fn::invoke {function} (in {scope.Path}) has no '{package}' provider: create a pinned provider and call " +
            "UseProvider on an enclosing scope, so the lookup runs where the stack's resources do.");
        if (Resource.PackageOf(provider.Type) != package)
            throw new SynthesisException(
                $"fn::invoke {function} (in {scope.Path}) is given the provider '{provider.Name}' of package " +
                $"'{Resource.PackageOf(provider.Type)}'; it needs a '{package}' provider.");
        return new Output<T>(new Invoke(function, args, new Reference(provider.Name), provider.Version, returns));
    }
}

/// <summary>Marker type for asset and archive values (<c>fn::stringAsset</c>, <c>fn::fileAsset</c>...).</summary>
public sealed class Asset
{
    private Asset() { }
}

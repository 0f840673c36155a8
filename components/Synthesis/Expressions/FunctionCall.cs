namespace Infra.Synthesis.Expressions;

/// <summary>
/// A built-in function, emitted as a one-key object <c>{ fn::NAME: argument }</c>
/// (<c>fn::secret</c>, <c>fn::toJSON</c>, <c>fn::join</c>, <c>fn::stringAsset</c>, ...).
/// </summary>
public sealed record FunctionCall(string Name, Expr Argument) : Expr;

/// <summary>
/// <c>fn::invoke</c> of a provider function (a data source), e.g. the availability zones of a region.
/// </summary>
public sealed record Invoke(
    string Function,
    ObjectExpr Arguments,
    string? Return = null,
    Reference? Provider = null,
    string? Version = null) : Expr;

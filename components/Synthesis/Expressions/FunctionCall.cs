namespace Infra.Synthesis.Expressions;

/// <summary>
/// A built-in function, emitted as a one-key object <c>{ fn::NAME: argument }</c>
/// (<c>fn::secret</c>, <c>fn::toJSON</c>, <c>fn::join</c>, <c>fn::stringAsset</c>, ...).
/// </summary>
public sealed record FunctionCall(string Name, Expr Argument) : Expr;

/// <summary>
/// <c>fn::invoke</c> of a provider function (a data source), e.g. the availability zones of a region.
/// It always names its explicit provider (and that provider's pinned version): a lookup on Pulumi's
/// implicit default provider would run in whatever region the environment says.
/// </summary>
public sealed record Invoke(
    string Function,
    ObjectExpr Arguments,
    Reference Provider,
    string Version,
    string? Return = null) : Expr;

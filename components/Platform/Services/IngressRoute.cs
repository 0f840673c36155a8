namespace Infra.Platform.Services;

/// <summary>
/// One row of the ingress table: requests for <see cref="Host"/> (a name under the stack's domain,
/// e.g. <c>api</c>) whose path starts with <see cref="PathPrefix"/> go to <see cref="Service"/>.
/// </summary>
public sealed record IngressRoute(string Host, string PathPrefix, string Service)
{
    public override string ToString() => $"{Host}{PathPrefix} -> {Service}";
}

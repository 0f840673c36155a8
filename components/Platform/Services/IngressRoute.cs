namespace Infra.Platform.Services;

/// <summary>
/// One row of the ingress table: requests for <see cref="Host"/> (a name under the stack's domain,
/// e.g. <c>api</c>) whose path starts with <see cref="PathPrefix"/> go to <see cref="Service"/>.
/// <see cref="Priority"/> is an explicit listener-rule priority for load balancers that evaluate
/// rules by number (dc9's ALB); null derives it from the host and path.
/// </summary>
public sealed record IngressRoute(string Host, string PathPrefix, string Service, int? Priority = null)
{
    /// <summary>What the route matches, host and path: its identity (<c>api/accounts/</c>).</summary>
    public string Match => $"{Host}{PathPrefix}";

    /// <summary>Path segments: 0 for <c>/</c>, 1 for <c>/accounts/</c>. A route overlaps only deeper ones of its host.</summary>
    public int Depth => PathPrefix.Count(c => c == '/') - 1;

    /// <summary>True when <paramref name="other"/> matches a subset of this route's requests (same host, longer prefix).</summary>
    public bool Covers(IngressRoute other) =>
        other.Host == Host && other.PathPrefix.Length > PathPrefix.Length &&
        other.PathPrefix.StartsWith(PathPrefix, StringComparison.Ordinal);

    public override string ToString() => $"{Match} -> {Service}";
}

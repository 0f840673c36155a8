using System.Text.Json;

namespace Infra.Platform.Services;

/// <summary>
/// The one ingress routing table of the platform, identical in every tier: the laptop binary gets it
/// as configuration, the ALB turns it into listener rules, Envoy into routes. Ordered most specific
/// first (longest path prefix), then by host and path, so every consumer matches the same way.
/// </summary>
public sealed class RouteTable
{
    public IReadOnlyList<IngressRoute> Routes { get; }

    public RouteTable(IEnumerable<IngressRoute> routes)
    {
        Routes = routes
            .OrderBy(r => r.Host, StringComparer.Ordinal)
            .ThenByDescending(r => r.PathPrefix.Length)
            .ThenBy(r => r.PathPrefix, StringComparer.Ordinal)
            .ToList();
        var duplicate = Routes.GroupBy(r => (r.Host, r.PathPrefix)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException(
                $"The route {duplicate.Key.Host}{duplicate.Key.PathPrefix} is claimed by more than one Service: " +
                string.Join(", ", duplicate.Select(r => r.Service)) + ". Each host and path prefix belongs to one Service.");
    }

    private string? json;

    /// <summary>
    /// Canonical JSON form: what every tier hands to its router, and what tiers are compared by. Written once: the
    /// global tier hands it to every workload of every region.
    /// </summary>
    public string ToJson() => json ??= JsonSerializer.Serialize(
        Routes.Select(r => new RouteJson(r.Host, r.PathPrefix, r.Service)).ToList(), RouteTableJson.Default.ListRouteJson);
}

using System.Globalization;

namespace Infra.Nats;

/// <summary>
/// The generator's entry point: a validated spec in, every server's config file and every region's client
/// URL list out. Throws <see cref="NatsConfigException"/> listing every problem of a bad spec.
/// </summary>
public sealed record NatsSuperCluster(IReadOnlyList<NatsServerConfig> Servers, IReadOnlyList<NatsClientUrls> ClientUrls)
{
    public const string PlacementTagPrefix = "region:";

    /// <summary>The server tag JetStream places a region's streams by (<c>placement: {tags: ["region:eu-west"]}</c>).</summary>
    public static string PlacementTag(string region) => PlacementTagPrefix + region;

    public static NatsSuperCluster Generate(NatsSuperClusterSpec spec)
    {
        NatsSpecValidator.Validate(spec);
        var regions = spec.Regions.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var servers = regions
            .SelectMany(r => r.Servers.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => NatsServerConfig.Render(spec, r, s)))
            .ToList();
        var byName = regions.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var urls = regions
            .Select(r => new NatsClientUrls(r.Name, new[] { r.Name }.Concat(r.NearestRegions).Select(n => RegionUrls(byName[n], own: n == r.Name)).ToList()))
            .ToList();
        return new NatsSuperCluster(servers, urls);
    }

    /// <summary>
    /// The value to put in a password variable (<see cref="NatsSuperClusterSpec.AppPasswordVariable"/>): nats-server parses
    /// a variable's value as a config value, so a bare password that starts with a digit (or reads as a boolean)
    /// fails to start the server; quoted, any password is a string.
    /// </summary>
    public static string PasswordVariableValue(string password)
    {
        if (password.Length == 0 || password.Any(c => c is '"' or '\\' || char.IsControl(c)))
            throw new ArgumentException("A NATS password must be non-empty, without double quotes, backslashes or control characters.", nameof(password));
        return $"\"{password}\"";
    }

    public NatsServerConfig Server(string name) => Servers.Single(s => s.Server == name);

    public NatsClientUrls For(string region) => ClientUrls.Single(u => u.Region == region);

    /// <summary>A region's client URLs: its servers; or, reached by name, its local name for its own clients and its public one for the others.</summary>
    private static NatsRegionUrls RegionUrls(NatsRegionSpec region, bool own)
    {
        if (region.Access is { } access)
            return new(region.Name, [$"tls://{(own ? access.LocalHost : access.PublicHost)}:{region.Servers[0].Ports.Client.ToString(CultureInfo.InvariantCulture)}"]);
        return new(region.Name, region.Servers.OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => $"tls://{s.Address}:{s.Ports.Client.ToString(CultureInfo.InvariantCulture)}").ToList());
    }
}

using System.Globalization;
using System.Text;

namespace Infra.Nats;

/// <summary>
/// One server's nats-server configuration file (the 2.9 format). Peers are ordered by name, never by their
/// position in the spec, so the text depends only on what the super-cluster is.
/// </summary>
public sealed record NatsServerConfig(string Region, string Server, string Text)
{
    public static NatsServerConfig Render(NatsSuperClusterSpec spec, NatsRegionSpec region, NatsServerSpec server)
    {
        var text = new StringBuilder();
        void Line(int depth, string line) => text.Append(' ', depth * 2).Append(line).Append('\n');
        var ports = server.Ports;

        Line(0, $"# nats-server configuration of {server.Name}, region {region.Name}. Generated: edit the spec, not this file.");
        Line(0, $"server_name: {Quote(server.Name)}");
        Line(0, $"server_tags: [{Quote(NatsSuperCluster.PlacementTag(region.Name))}]");
        Line(0, $"listen: {Quote(Endpoint(server.Address, ports.Client))}");
        Line(0, "# Monitoring (/varz, /routez, /gatewayz, /healthz): the region's own network only.");
        Line(0, $"http: {Quote(Endpoint(server.Address, ports.Monitoring))}");
        Line(0, "# SIGUSR2 (nats-server --signal ldm): stop accepting, wait the grace period, move clients off over the duration, exit.");
        Line(0, $"lame_duck_duration: {Quote(Seconds(spec.LameDuck.Duration))}");
        Line(0, $"lame_duck_grace_period: {Quote(Seconds(spec.LameDuck.GracePeriod))}");
        Line(0, "# Clients: TLS with the tier's CA; they authenticate with a user of the app account.");
        TlsBlock(Line, 0, spec.Tls, verifyPeer: false);

        Line(0, "cluster {");
        Line(1, $"name: {Quote(region.Name)}");
        Line(1, $"listen: {Quote(Endpoint(server.Address, ports.Cluster))}");
        Line(1, "# Clients get the ordered URL list from the platform (own region first, nearest next); gossiped URLs would break that order.");
        Line(1, "no_advertise: true");
        if (region.Access is not null)
        {
            Line(1, "# The host's own address (set where the server starts): peers gossip it to complete the mesh.");
            Line(1, $"advertise: ${spec.RouteAdvertiseVariable}");
        }
        Line(1, "routes: [");
        if (region.Access is { } seed)
            Line(2, Quote($"nats-route://{Endpoint(seed.RouteSeed, ports.Cluster)}"));
        else
            foreach (var peer in region.Servers.Where(s => s.Name != server.Name).OrderBy(s => s.Name, StringComparer.Ordinal))
                Line(2, Quote($"nats-route://{Endpoint(peer.Address, peer.Ports.Cluster)}"));
        Line(1, "]");
        Line(1, "# Servers verify each other: a route needs a certificate from the tier's CA.");
        TlsBlock(Line, 1, spec.Tls, verifyPeer: true);
        Line(0, "}");

        Line(0, "gateway {");
        Line(1, $"name: {Quote(region.Name)}");
        Line(1, $"listen: {Quote(Endpoint(server.Address, ports.Gateway))}");
        if (region.Access is { } access)
        {
            Line(1, "# Other regions reach this one by its public name; gossip spreads that name, never a private address.");
            Line(1, $"advertise: {Quote(Endpoint(access.PublicHost, ports.Gateway))}");
        }
        Line(1, "gateways: [");
        foreach (var other in spec.Regions.Where(r => r.Name != region.Name).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var urls = GatewayUrls(other).Select(Quote);
            Line(2, $"{{ name: {Quote(other.Name)}, urls: [{string.Join(", ", urls)}] }}");
        }
        Line(1, "]");
        TlsBlock(Line, 1, spec.Tls, verifyPeer: true);
        Line(0, "}");

        Line(0, "# One JetStream across the regions; streams are placed in a region by its tag (placement: {tags: [\"" + NatsSuperCluster.PlacementTag(region.Name) + "\"]}).");
        Line(0, "jetstream {");
        Line(1, $"store_dir: {Quote(server.StoreDirectory ?? spec.StoreDirectory)}");
        Line(1, $"max_memory_store: {spec.MaxMemoryStore.ToString(CultureInfo.InvariantCulture)}");
        Line(1, $"max_file_store: {spec.MaxFileStore.ToString(CultureInfo.InvariantCulture)}");
        Line(0, "}");

        Line(0, "# Passwords come from the environment the server starts with; this file holds no secret.");
        Line(0, "accounts {");
        Line(1, $"{spec.SystemAccount} {{ users: [ {{ user: {Quote(spec.SystemUser)}, password: ${spec.SystemPasswordVariable} }} ] }}");
        Line(1, $"{spec.AppAccount} {{ jetstream: enabled, users: [ {{ user: {Quote(spec.AppUser)}, password: ${spec.AppPasswordVariable} }} ] }}");
        Line(0, "}");
        Line(0, $"system_account: {spec.SystemAccount}");
        return new NatsServerConfig(region.Name, server.Name, text.ToString());
    }

    /// <summary>Where other regions' gateways dial a region: its public name, or each of its servers.</summary>
    public static IReadOnlyList<string> GatewayUrls(NatsRegionSpec region) => region.Access is { } access
        ? [$"nats://{Endpoint(access.PublicHost, region.Servers[0].Ports.Gateway)}"]
        : region.Servers.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => $"nats://{Endpoint(s.Address, s.Ports.Gateway)}").ToList();

    private static void TlsBlock(Action<int, string> line, int depth, NatsTlsFiles tls, bool verifyPeer)
    {
        line(depth, "tls {");
        line(depth + 1, $"cert_file: {Quote(tls.CertFile)}");
        line(depth + 1, $"key_file: {Quote(tls.KeyFile)}");
        line(depth + 1, $"ca_file: {Quote(tls.CaFile)}");
        line(depth + 1, $"verify: {(verifyPeer ? "true" : "false")}");
        line(depth + 1, "timeout: 2");
        line(depth, "}");
    }

    private static string Endpoint(string address, int port) => $"{address}:{port.ToString(CultureInfo.InvariantCulture)}";

    private static string Seconds(TimeSpan span) => $"{((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s";

    /// <summary>Validated values hold no quote, backslash or control character, so plain double quotes suffice.</summary>
    private static string Quote(string value) => $"\"{value}\"";
}

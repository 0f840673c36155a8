using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Infra.Nats.Tests.Loopback;
using Infra.Testing;

namespace Infra.Nats.Tests;

/// <summary>
/// Regions whose servers have no stable addresses (the global tier's worker hosts): servers listen on their host,
/// routes seed through one name, the mesh completes by gossip of each server's advertised address, and other
/// regions and clients use the region's names. What the generator writes, and the mesh real servers form from it.
/// </summary>
public sealed class NatsRegionAccessTests
{
    private static readonly NatsTlsFiles Tls = new("/secrets/tls/server.pem", "/secrets/tls/server-key.pem", "/secrets/tls/ca.pem");

    private static NatsRegionSpec Region(string name, string other) =>
        new(name, Enumerable.Range(0, 3).Select(i => new NatsServerSpec($"{name}-nats-{i}", "0.0.0.0")).ToList(), [other])
        {
            Access = new NatsRegionAccess($"seed.{name}.internal", $"{name}.nats.example.net", $"local.{name}.internal"),
        };

    private static NatsSuperClusterSpec Spec() => new() { Regions = [Region("london", "dallas"), Region("dallas", "london")], Tls = Tls };

    [Fact]
    public void Servers_listen_on_their_host_seed_routes_through_one_name_and_advertise_their_own_address()
    {
        var text = NatsSuperCluster.Generate(Spec()).Server("london-nats-1").Text;
        Assert.Contains("listen: \"0.0.0.0:4222\"", text);
        Assert.Contains("routes: [\n    \"nats-route://seed.london.internal:6222\"\n  ]", text);
        Assert.Contains("advertise: $NATS_ROUTE_ADVERTISE", text);
        Assert.DoesNotContain("london-nats-0", text.Replace("server_name", "").Split("routes")[1]);
        Assert.Contains("advertise: \"london.nats.example.net:7222\"", text);
        Assert.Contains("{ name: \"dallas\", urls: [\"nats://dallas.nats.example.net:7222\"] }", text);
    }

    [Fact]
    public void Own_clients_use_the_local_name_and_the_others_the_public_one()
    {
        var urls = NatsSuperCluster.Generate(Spec()).For("london");
        Assert.Equal(["tls://local.london.internal:4222", "tls://dallas.nats.example.net:4222"], urls.Flat);
    }

    [Fact]
    public void Servers_on_distinct_hosts_may_share_an_address_and_ports_but_must_agree_on_ports()
    {
        Assert.NotNull(NatsSuperCluster.Generate(Spec()));
        var region = Region("london", "dallas");
        var uneven = region with { Servers = [.. region.Servers.Take(2), region.Servers[2] with { Ports = new NatsPorts(4223, 6222, 7222, 8222) }] };
        var problem = Assert.Single(Assert.Throws<NatsConfigException>(() => NatsSuperCluster.Generate(Spec() with { Regions = [uneven, Region("dallas", "london")] })).Problems);
        Assert.Equal("regions[london].servers", problem.Where);
        Assert.Contains("same ports", problem.Fix);
    }

    [Fact]
    public void A_bad_name_for_the_load_balancers_is_a_problem_with_where()
    {
        var region = Region("london", "dallas") with { Access = new NatsRegionAccess("seed.london.internal", "bad name", "local.london.internal") };
        var problem = Assert.Single(Assert.Throws<NatsConfigException>(() => NatsSuperCluster.Generate(Spec() with { Regions = [region, Region("dallas", "london")] })).Problems);
        Assert.Equal("regions[london].access.publicHost", problem.Where);
    }

    /// <summary>
    /// Two regions of three servers on six loopback addresses (127.0.0.2 to .7), the same ports on each as on distinct
    /// hosts. Each region seeds its routes through one address (its first server; behind a load balancer it would be any):
    /// the other two are found only by gossip of their advertised addresses. Gateways dial each region's "public"
    /// address. Every server must reach its two peers and the other region. (Not covered on one host: a seed by name, whose
    /// TLS name nats-server then uses for the gossiped addresses; a loopback name resolves to 127.0.0.1, which a server on
    /// the same port takes for a route to itself.)
    /// </summary>
    [Fact]
    public async Task Real_servers_form_the_full_mesh_from_one_seed_per_region()
    {
        var addresses = Enumerable.Range(2, 6).Select(i => IPAddress.Parse($"127.0.0.{i}")).ToList();
        var root = Directory.CreateTempSubdirectory("nats-access-").FullName;
        var processes = new List<LoopbackDaemon>();
        try
        {
            var tls = ThrowawayPki.Write(Path.Combine(root, "tls"), addresses);
            var ports = FreePorts();
            NatsRegionSpec Loopback(string name, string other, int first, string seed) => new(name,
                Enumerable.Range(0, 3).Select(i => new NatsServerSpec($"{name}-nats-{i}", $"127.0.0.{first + i}")
                {
                    Ports = ports,
                    StoreDirectory = Path.Combine(root, "store", $"{name}-{i}"),
                }).ToList(), [other])
            {
                Access = new NatsRegionAccess(seed, $"127.0.0.{first + 1}", $"127.0.0.{first + 2}"),
            };
            var spec = new NatsSuperClusterSpec
            {
                Regions = [Loopback("london", "dallas", 2, "127.0.0.2"), Loopback("dallas", "london", 5, "127.0.0.5")],
                Tls = tls,
                MaxMemoryStore = 32L * 1024 * 1024,
                MaxFileStore = 256L * 1024 * 1024,
            };
            var generated = NatsSuperCluster.Generate(spec);
            foreach (var region in spec.Regions)
            foreach (var server in region.Servers)
            {
                var file = Path.Combine(root, $"{server.Name}.conf");
                File.WriteAllText(file, generated.Server(server.Name).Text);
                var environment = new Dictionary<string, string>
                {
                    [spec.AppPasswordVariable] = NatsSuperCluster.PasswordVariableValue("app-secret"),
                    [spec.SystemPasswordVariable] = NatsSuperCluster.PasswordVariableValue("sys-secret"),
                    [spec.RouteAdvertiseVariable] = $"\"{server.Address}:{ports.Cluster}\"",
                };
                var check = NatsServerBinary.Check(file, environment);
                Assert.True(check.ExitCode == 0, $"nats-server -t refused {server.Name}:\n{check.Output}");
                processes.Add(NatsServerProcess.Start(server.Name, file, Path.Combine(root, $"{server.Name}.log"), environment));
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
            var missing = new List<string>();
            do
            {
                missing.Clear();
                foreach (var server in spec.Regions.SelectMany(r => r.Servers))
                {
                    var (routes, gateways) = await MeshOf(http, $"http://{server.Address}:{ports.Monitoring}");
                    if (routes < 2 || gateways < 1) missing.Add($"{server.Name}: {routes} routes, {gateways} gateways");
                }
                if (missing.Count == 0) break;
                await Task.Delay(250);
            }
            while (DateTime.UtcNow < deadline);
            Assert.True(missing.Count == 0, "no full mesh within 40 s:\n" + string.Join("\n", missing) + "\n" +
                string.Join("\n", processes.Select(p => $"--- {p.Name}\n{p.Tail(40)}")));
        }
        finally
        {
            foreach (var process in processes) process.Dispose();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(int Routes, int Gateways)> MeshOf(HttpClient http, string monitor)
    {
        try
        {
            using var routez = JsonDocument.Parse(await http.GetStringAsync($"{monitor}/routez"));
            var routes = routez.RootElement.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("remote_id").GetString()).Distinct().Count();
            using var gatewayz = JsonDocument.Parse(await http.GetStringAsync($"{monitor}/gatewayz"));
            var gateways = gatewayz.RootElement.TryGetProperty("outbound_gateways", out var o) ? o.EnumerateObject().Count() : 0;
            return (routes, gateways);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return (0, 0);
        }
    }

    /// <summary>Four ports free on every loopback address used (a port taken on 127.0.0.1 only would still clash).</summary>
    private static NatsPorts FreePorts()
    {
        var listeners = Enumerable.Range(0, 4).Select(_ => new TcpListener(IPAddress.Any, 0)).ToList();
        foreach (var listener in listeners) listener.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        foreach (var listener in listeners) listener.Stop();
        return new NatsPorts(ports[0], ports[1], ports[2], ports[3]);
    }
}

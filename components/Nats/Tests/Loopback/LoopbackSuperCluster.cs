using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace Infra.Nats.Tests.Loopback;

/// <summary>
/// The generated super-cluster on 127.0.0.1: every region's servers with their own ports and store
/// directories, the throwaway certificates, the files the generator wrote (each accepted by
/// <c>nats-server -t</c> before anything starts) and the running processes.
/// </summary>
internal sealed class LoopbackSuperCluster : IDisposable
{
    /// <summary>Three regions as the global tier would give them; nearest first by rough network distance.</summary>
    public static readonly (string Name, string[] Nearest)[] Regions =
    [
        ("eu-west", ["us-east", "ap-south"]),
        ("us-east", ["eu-west", "ap-south"]),
        ("ap-south", ["eu-west", "us-east"]),
    ];

    public const int ServersPerRegion = 3;

    private readonly Dictionary<string, NatsServerProcess> running = new(StringComparer.Ordinal);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public string Root { get; }
    public NatsSuperClusterSpec Spec { get; }
    public NatsSuperCluster Generated { get; }
    public IReadOnlyDictionary<string, string> ServerEnvironment { get; }
    public string AppPassword { get; }
    public IReadOnlyDictionary<string, string> ConfigFiles { get; }

    private LoopbackSuperCluster(string root, NatsSuperClusterSpec spec, string appPassword, string systemPassword)
    {
        Root = root;
        Spec = spec;
        Generated = NatsSuperCluster.Generate(spec);
        AppPassword = appPassword;
        ServerEnvironment = new Dictionary<string, string>
        {
            [spec.AppPasswordVariable] = appPassword,
            [spec.SystemPasswordVariable] = systemPassword,
        };
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var server in Generated.Servers)
        {
            var path = Path.Combine(root, "conf", $"{server.Server}.conf");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, server.Text);
            files[server.Server] = path;
        }
        ConfigFiles = files;
    }

    /// <summary>Writes everything for a super-cluster with the drill's lame-duck timing; starts nothing.</summary>
    public static LoopbackSuperCluster Create(NatsLameDuck lameDuck)
    {
        var root = Path.Combine(Path.GetTempPath(), $"nats-drill-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(root);
        var tls = ThrowawayPki.Write(Path.Combine(root, "tls"));
        var ports = FreePorts(Regions.Length * ServersPerRegion * 4);
        var next = 0;
        var regions = Regions.Select(r => new NatsRegionSpec(r.Name,
            Enumerable.Range(1, ServersPerRegion).Select(i => new NatsServerSpec($"{r.Name}-{i}", "127.0.0.1")
            {
                Ports = new NatsPorts(ports[next++], ports[next++], ports[next++], ports[next++]),
                StoreDirectory = Path.Combine(root, "store", $"{r.Name}-{i}"),
            }).ToList(),
            r.Nearest)).ToList();
        var spec = new NatsSuperClusterSpec
        {
            Regions = regions,
            Tls = tls,
            LameDuck = lameDuck,
            MaxMemoryStore = 64L * 1024 * 1024,
            MaxFileStore = 1024L * 1024 * 1024,
        };
        return new LoopbackSuperCluster(root, spec, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
    }

    public IEnumerable<NatsServerSpec> ServersOf(string region) => Spec.Regions.Single(r => r.Name == region).Servers;

    public IEnumerable<NatsServerSpec> AllServers => Spec.Regions.SelectMany(r => r.Servers);

    public string RegionOf(string server) => Spec.Regions.Single(r => r.Servers.Any(s => s.Name == server)).Name;

    public NatsServerSpec ServerSpec(string server) => AllServers.Single(s => s.Name == server);

    public void Start(string server)
    {
        if (running.Remove(server, out var old)) old.Dispose();
        running[server] = NatsServerProcess.Start(server, ConfigFiles[server], Path.Combine(Root, $"{server}.log"), ServerEnvironment);
    }

    public void StartAll()
    {
        foreach (var server in AllServers) Start(server.Name);
    }

    public NatsServerProcess Process(string server) => running[server];

    public void Kill(string server) => running[server].KillHard();

    /// <summary>What a server's monitoring endpoint says about its mesh: routes to its region, gateways to the other regions, JetStream health.</summary>
    public async Task<bool> MeshedAsync(string server, CancellationToken cancellationToken)
    {
        var spec = ServerSpec(server);
        var region = RegionOf(server);
        try
        {
            var monitor = $"http://127.0.0.1:{spec.Ports.Monitoring}";
            using var routez = JsonDocument.Parse(await http.GetStringAsync($"{monitor}/routez", cancellationToken));
            var routes = routez.RootElement.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("remote_id").GetString()).Distinct().Count();
            if (routes < ServersPerRegion - 1) return false;
            using var gatewayz = JsonDocument.Parse(await http.GetStringAsync($"{monitor}/gatewayz", cancellationToken));
            var outbound = gatewayz.RootElement.TryGetProperty("outbound_gateways", out var o) ? o.EnumerateObject().Count() : 0;
            var inbound = gatewayz.RootElement.TryGetProperty("inbound_gateways", out var i) ? i.EnumerateObject().Count() : 0;
            if (outbound < Regions.Length - 1) return false;
            _ = inbound;
            using var healthz = await http.GetAsync($"{monitor}/healthz", cancellationToken);
            return healthz.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Waits until every server has its routes, its gateways and healthy JetStream; returns how long that took.</summary>
    public async Task<TimeSpan> WaitForFullMeshAsync(TimeSpan timeout, Stopwatch since)
    {
        using var cts = new CancellationTokenSource(timeout);
        var pending = AllServers.Select(s => s.Name).ToHashSet();
        while (pending.Count > 0)
        {
            if (cts.IsCancellationRequested)
                throw new TimeoutException($"no full mesh after {timeout.TotalSeconds:0} s; not meshed: {string.Join(", ", pending)}.\n" +
                                           string.Join("\n", pending.Select(p => $"--- {p}\n{running[p].Tail(15)}")));
            foreach (var server in pending.ToList())
                if (await MeshedAsync(server, cts.Token)) pending.Remove(server);
            if (pending.Count > 0) await Task.Delay(50);
        }
        return since.Elapsed;
    }

    public async Task WaitForServerAsync(string server, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(timeout);
        while (!await MeshedAsync(server, cts.Token))
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"{server} not meshed after {timeout.TotalSeconds:0} s:\n{running[server].Tail(20)}");
            await Task.Delay(50);
        }
    }

    /// <summary>Client connections per server (<c>/connz</c>).</summary>
    public async Task<int> ConnectionsAsync(string server)
    {
        using var connz = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{ServerSpec(server).Ports.Monitoring}/connz"));
        return connz.RootElement.GetProperty("num_connections").GetInt32();
    }

    public void Dispose()
    {
        foreach (var process in running.Values) process.Dispose();
        http.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static List<int> FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        foreach (var listener in listeners) listener.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        foreach (var listener in listeners) listener.Stop();
        return ports;
    }
}

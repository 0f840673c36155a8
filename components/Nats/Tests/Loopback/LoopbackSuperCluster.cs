using Infra.Testing;
using System.Collections.Concurrent;
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

    // The drill restarts one server per region at once, from three tasks: the map of running processes is shared.
    private readonly ConcurrentDictionary<string, LoopbackDaemon> running = new(StringComparer.Ordinal);
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
            [spec.AppPasswordVariable] = NatsSuperCluster.PasswordVariableValue(appPassword),
            [spec.SystemPasswordVariable] = NatsSuperCluster.PasswordVariableValue(systemPassword),
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
        if (running.TryRemove(server, out var old)) old.Dispose();
        running[server] = NatsServerProcess.Start(server, ConfigFiles[server], Path.Combine(Root, $"{server}.log"), ServerEnvironment);
    }

    public void StartAll()
    {
        foreach (var server in AllServers) Start(server.Name);
    }

    public LoopbackDaemon Process(string server) => running[server];

    public void Kill(string server) => running[server].KillHard();

    /// <summary>How far a server has joined: its routes and gateways (core NATS), and JetStream healthy too.</summary>
    public enum MeshState { None, Core, Full }

    /// <summary>What a server's monitoring endpoint says: routes to its region, gateways to the other regions, /healthz (JetStream current).</summary>
    public async Task<MeshState> MeshAsync(string server, CancellationToken cancellationToken)
    {
        var spec = ServerSpec(server);
        try
        {
            var monitor = $"http://127.0.0.1:{spec.Ports.Monitoring}";
            using var routez = JsonDocument.Parse(await http.GetStringAsync($"{monitor}/routez", cancellationToken));
            var routes = routez.RootElement.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("remote_id").GetString()).Distinct().Count();
            if (routes < ServersPerRegion - 1) return MeshState.None;
            using var gatewayz = JsonDocument.Parse(await http.GetStringAsync($"{monitor}/gatewayz", cancellationToken));
            var outbound = gatewayz.RootElement.TryGetProperty("outbound_gateways", out var o) ? o.EnumerateObject().Count() : 0;
            if (outbound < Regions.Length - 1) return MeshState.None;
            using var healthz = await http.GetAsync($"{monitor}/healthz", cancellationToken);
            return healthz.IsSuccessStatusCode ? MeshState.Full : MeshState.Core;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return MeshState.None;
        }
    }

    public async Task<bool> MeshedAsync(string server, CancellationToken cancellationToken) => await MeshAsync(server, cancellationToken) == MeshState.Full;

    /// <summary>
    /// Waits until every server has its routes, its gateways and healthy JetStream; returns when every server
    /// had its routes and gateways (core mesh) and when JetStream was healthy on all too (full mesh).
    /// </summary>
    public async Task<(TimeSpan Core, TimeSpan Full)> WaitForFullMeshAsync(TimeSpan timeout, Stopwatch since)
    {
        using var cts = new CancellationTokenSource(timeout);
        var states = AllServers.ToDictionary(s => s.Name, _ => MeshState.None);
        TimeSpan? core = null;
        while (true)
        {
            foreach (var server in states.Keys.Where(k => states[k] != MeshState.Full).ToList())
                states[server] = await MeshAsync(server, cts.Token);
            if (core is null && states.Values.All(v => v >= MeshState.Core)) core = since.Elapsed;
            if (states.Values.All(v => v == MeshState.Full)) return (core!.Value, since.Elapsed);
            if (cts.IsCancellationRequested)
            {
                var pending = states.Where(kv => kv.Value != MeshState.Full).Select(kv => kv.Key).ToList();
                throw new TimeoutException($"no full mesh after {timeout.TotalSeconds:0} s; not meshed: {string.Join(", ", pending)}.\n" +
                                           string.Join("\n", pending.Select(p => $"--- {p}\n{running[p].Tail(15)}")));
            }
            await Task.Delay(25);
        }
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

    /// <summary>The names of the clients connected to a server (<c>/connz</c>).</summary>
    public async Task<IReadOnlyList<string>> ConnectionNamesAsync(string server)
    {
        using var connz = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{ServerSpec(server).Ports.Monitoring}/connz"));
        return connz.RootElement.TryGetProperty("connections", out var list)
            ? list.EnumerateArray().Select(c => c.TryGetProperty("name", out var n) ? n.GetString() ?? "?" : "?").ToList()
            : [];
    }

    public void Dispose()
    {
        foreach (var process in running.Values) process.Dispose();
        http.Dispose();
        // NATS_DRILL_KEEP=1 keeps the files and server logs for a look after the run.
        if (Environment.GetEnvironmentVariable("NATS_DRILL_KEEP") == "1") return;
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

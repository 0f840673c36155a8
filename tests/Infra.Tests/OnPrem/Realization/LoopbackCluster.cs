using Infra.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Infra.Platform.Database;

namespace Infra.Tests.OnPrem.Realization;

/// <summary>A member as Patroni's REST <c>/cluster</c> reports it.</summary>
internal sealed record PatroniMemberState(string Name, string Role, string State, int? Timeline);

/// <summary>
/// Three etcd members and three Patroni-managed PostgreSQL members on 127.0.0.1, each with its own
/// ports and directories under one temporary root, configured only through the generators of
/// Infra.Platform.Database. Disposing kills every process it started and deletes the root.
/// </summary>
internal sealed class LoopbackCluster : IAsyncDisposable
{
    private const string Address = "127.0.0.1";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly Dictionary<string, LoopbackDaemon> etcd = [];
    private readonly Dictionary<string, LoopbackDaemon> patroni = [];
    private readonly Dictionary<string, LoopbackDaemon> schedules = [];

    /// <summary>How soon the generated backup schedule checks again while there is no first backup.</summary>
    public const int BackupRetrySeconds = 2;
    private readonly List<string> extraDataDirs = [];

    public string Root { get; }
    public PostgresClusterSpec Spec { get; }
    public string SuperuserPassword { get; }
    public string BinDir => Spec.PostgresBinDir;
    public ClusterMember Member(string name) => Spec.Members.Single(m => m.Name == name);

    private LoopbackCluster(string root, PostgresClusterSpec spec, string superuserPassword)
    {
        Root = root;
        Spec = spec;
        SuperuserPassword = superuserPassword;
    }

    /// <summary>Writes every member's configuration with the generators; starts nothing yet.</summary>
    public static LoopbackCluster Create(string binDir, IReadOnlyList<string> databases, HaTimings timings)
    {
        var root = Path.Combine(Path.GetTempPath(), $"onprem3-drill-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var ports = FreePorts(12);
        var members = Enumerable.Range(0, 3).Select(i =>
        {
            var dir = Path.Combine(root, $"pg{i + 1}");
            return new ClusterMember(
                $"pg{i + 1}", Address,
                new MemberPorts(ports[4 * i], ports[4 * i + 1], ports[4 * i + 2], ports[4 * i + 3]),
                new MemberPaths(
                    PostgresData: Path.Combine(dir, "data"),
                    EtcdData: Path.Combine(dir, "etcd"),
                    Config: Path.Combine(dir, "config"),
                    Run: Path.Combine(dir, "run"),
                    Log: Path.Combine(dir, "log")));
        }).ToList();

        var superuser = NewSecret();
        var credentials = new ClusterCredentials(
            Credential.Of(superuser), Credential.Of(NewSecret()), Credential.Of(NewSecret()),
            Credential.Of(NewSecret()), Credential.Of(NewSecret()));
        var spec = new PostgresClusterSpec("drill", members, databases, credentials,
            new PathRepository(Path.Combine(root, "repo")))
        {
            PostgresBinDir = binDir,
            Timings = timings,
        }.Validate();

        var cluster = new LoopbackCluster(root, spec, superuser);
        Directory.CreateDirectory(Path.Combine(root, "repo"));
        foreach (var member in members)
        {
            foreach (var dir in new[] { member.Paths.Config, member.Paths.Run, member.Paths.Log })
                Directory.CreateDirectory(dir);
            File.WriteAllText(member.Paths.PatroniConfigFile, PatroniConfig.For(spec, member));
            File.WriteAllText(member.Paths.EtcdConfigFile, EtcdConfig.For(spec, member));
            File.WriteAllText(member.Paths.PgBackRestConfigFile, PgBackRestConfig.For(spec, member));
            File.WriteAllText(member.Paths.PostBootstrapScript, PostBootstrapScript.For(spec));
            File.WriteAllText(member.Paths.BackupScheduleScript, BackupScheduleScript.For(spec, member, intervalHours: 24, BackupRetrySeconds));
        }
        return cluster;
    }

    public async Task StartAsync(TimeSpan timeout)
    {
        // Everything under the root belongs to the postgres user; the root itself must be traversable.
        await ToolProcess.RequireAsync(["chmod", "755", Root], TimeSpan.FromSeconds(10));
        await ToolProcess.RequireAsync(["chown", "-R", $"{ToolProcess.ServiceUser}:{ToolProcess.ServiceUser}", Root], TimeSpan.FromSeconds(10));

        foreach (var member in Spec.Members)
            etcd[member.Name] = ToolProcess.StartDaemon($"etcd {member.Name}", ["etcd", "--config-file", member.Paths.EtcdConfigFile],
                Path.Combine(member.Paths.Log, "etcd.log"), asServiceUser: true);
        var endpoints = string.Join(",", Spec.Members.Select(m => m.EtcdClientUrl));
        await WaitUntilAsync("etcd: all 3 members healthy", timeout, async () =>
            (await ToolProcess.RunAsync(["etcdctl", $"--endpoints={endpoints}", "endpoint", "health"], TimeSpan.FromSeconds(5))).Ok);

        foreach (var member in Spec.Members) StartPatroni(member);
    }

    public void StartPatroni(ClusterMember member)
    {
        patroni.Remove(member.Name, out var old);
        old?.Dispose();
        patroni[member.Name] = ToolProcess.StartDaemon($"patroni {member.Name}", ["patroni", member.Paths.PatroniConfigFile],
            Path.Combine(member.Paths.Log, "patroni.log"), asServiceUser: true);
    }

    /// <summary>Starts a member's generated backup schedule as it runs in its container: the script, looping, as postgres.</summary>
    public void StartBackupSchedule(ClusterMember member) =>
        schedules[member.Name] = ToolProcess.StartDaemon($"backup schedule {member.Name}", ["sh", member.Paths.BackupScheduleScript],
            Path.Combine(member.Paths.Log, "backup-schedule.log"), asServiceUser: true);

    /// <summary>Everything a member's running backup schedule has printed so far, line by line.</summary>
    public IReadOnlyList<string> BackupScheduleLog(ClusterMember member)
    {
        var path = Path.Combine(member.Paths.Log, "backup-schedule.log");
        if (!File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A crash of the whole member: SIGKILL to Patroni, then to the postmaster.</summary>
    public void KillMember(ClusterMember member)
    {
        patroni[member.Name].KillHard();
        var postmaster = PostmasterPid(member.Paths.PostgresData)
            ?? throw new InvalidOperationException($"{member.Name}: no running postmaster to kill.");
        using var process = Process.GetProcessById(postmaster);
        process.Kill(entireProcessTree: false);
        process.WaitForExit(10_000);
    }

    /// <summary>Patroni's view of the cluster, asked of the first member that answers.</summary>
    public async Task<IReadOnlyList<PatroniMemberState>> ClusterStateAsync(IEnumerable<ClusterMember>? askOnly = null)
    {
        foreach (var member in askOnly ?? Spec.Members)
        {
            try
            {
                using var doc = JsonDocument.Parse(await Http.GetStringAsync($"{member.PatroniRestUrl}/cluster"));
                return doc.RootElement.GetProperty("members").EnumerateArray().Select(m => new PatroniMemberState(
                    m.GetProperty("name").GetString()!,
                    m.GetProperty("role").GetString()!,
                    m.GetProperty("state").GetString()!,
                    m.TryGetProperty("timeline", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null)).ToList();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException) { }
        }
        return [];
    }

    /// <summary>psql with a connection string; superuser connections take the password from the environment.</summary>
    public Task<ToolResult> PsqlAsync(string connection, string sql, TimeSpan timeout, bool superuser = false) =>
        ToolProcess.RunAsync(
            [Path.Combine(BinDir, "psql"), "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", connection, "-c", sql],
            timeout,
            environment: superuser ? new Dictionary<string, string> { ["PGPASSWORD"] = SuperuserPassword } : null);

    public string SuperuserConnection(string host, int port, string database) =>
        $"host={host} port={port} user={ClusterCredentials.SuperuserName} dbname={database} connect_timeout=3";

    public async Task<string> QueryOnMemberAsync(ClusterMember member, string database, string sql)
    {
        var result = await PsqlAsync(SuperuserConnection(member.Address, member.Ports.Postgres, database), sql, TimeSpan.FromSeconds(10), superuser: true);
        if (!result.Ok) throw new InvalidOperationException($"{member.Name}: '{sql}' failed: {result}");
        return result.Stdout.Trim();
    }

    /// <summary>Registers a data directory outside the members (a restore target) for cleanup.</summary>
    public void TrackDataDir(string dataDir) => extraDataDirs.Add(dataDir);

    /// <summary>Lines of a member's Patroni log that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> PatroniLogLines(ClusterMember member, string text)
    {
        var path = Path.Combine(member.Paths.Log, "patroni.log");
        if (!File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd().Split('\n').Where(l => l.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public string Logs()
    {
        var all = etcd.Values.Concat(patroni.Values).Concat(schedules.Values).Select(d => $"--- {d.Name} ({d.LogPath}) ---\n{d.Tail()}");
        return string.Join('\n', all);
    }

    public static async Task WaitUntilAsync(string what, TimeSpan timeout, Func<Task<bool>> condition, int pollMs = 250)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await condition()) return;
            await Task.Delay(pollMs);
        }
        throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0}s waiting for: {what}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var daemon in schedules.Values) daemon.Dispose();
        foreach (var daemon in patroni.Values) daemon.Dispose();
        foreach (var dataDir in Spec.Members.Select(m => m.Paths.PostgresData).Concat(extraDataDirs))
            KillPostmaster(dataDir);
        foreach (var daemon in etcd.Values) daemon.Dispose();
        await Task.Delay(200);
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void KillPostmaster(string dataDir)
    {
        if (PostmasterPid(dataDir) is not { } pid) return;
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (ArgumentException) { } // already gone
        catch (InvalidOperationException) { }
    }

    /// <summary>The running postmaster of a data directory, checked against /proc so a recycled pid is never killed.</summary>
    public static int? PostmasterPid(string dataDir)
    {
        var pidFile = Path.Combine(dataDir, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        if (!int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)) return null;
        var cmdline = $"/proc/{pid}/cmdline";
        if (!File.Exists(cmdline)) return null;
        var text = File.ReadAllText(cmdline).Replace('\0', ' ');
        return text.Contains("postgres") && text.Contains(dataDir) ? pid : null;
    }

    public static IReadOnlyList<int> FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ =>
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return listener;
        }).ToList();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    private static string NewSecret() =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24);
}

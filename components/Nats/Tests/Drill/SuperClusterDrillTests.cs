using System.Diagnostics;
using System.Globalization;
using System.Text;
using Infra.Nats.Client;
using Infra.Nats.Tests.Loopback;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Xunit.Abstractions;

namespace Infra.Nats.Tests.Drill;

/// <summary>
/// The generated super-cluster (3 regions × 3 servers, TLS everywhere) run by the real nats-server on
/// loopback, with clients following the platform's client policy, through five drills: baseline, rolling
/// upgrade, region outage with failback, flapping, client scaling. The figures go to the test output and
/// to a text report with a timeline SVG beside it (the folder is printed).
/// </summary>
[Collection(DrillCollection.Name)]
public sealed class SuperClusterDrillTests(ITestOutputHelper output)
{
    /// <summary>The production lame-duck timing: the upgrade step stops a server as soon as its clients have left, so the duration is not waited out.</summary>
    private static readonly NatsLameDuck DrillLameDuck = NatsLameDuck.Production;

    private const string OutageRegion = "eu-west";
    private const string NearestToOutage = "us-east";
    private const string FlappingRegion = "us-east";
    private const string ScaledRegion = "ap-south";
    private const int FlapCycles = 5;
    private const int RollingRounds = 2;

    // Bounds: each is the promise the README states, with room for a loaded 2-core CI machine.
    private static readonly TimeSpan FormationBound = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan FailbackBound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DrillBudget = TimeSpan.FromSeconds(170);

    private readonly StringBuilder report = new();

    private void Say(string line)
    {
        output.WriteLine(line);
        report.AppendLine(line);
    }

    private static string S(double ms) => (ms / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture) + " ms";

    [Fact]
    public async Task Five_drills_and_failback_on_three_regions_of_three_servers()
    {
        var total = Stopwatch.StartNew();
        // Dozens of clients each with timers and reconnect loops: without spare pool threads a blocked one (a
        // process start, a TLS handshake) stalls every requester for the half second the pool takes to grow.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        using var cluster = LoopbackSuperCluster.Create(DrillLameDuck);
        var regions = LoopbackSuperCluster.Regions.Select(r => r.Name).ToList();
        foreach (var (server, file) in cluster.ConfigFiles)
        {
            var check = NatsServerBinary.Check(file, cluster.ServerEnvironment);
            Assert.True(check.ExitCode == 0, $"nats-server -t refused {server}'s file:\n{check.Output}");
        }
        var version = NatsServerBinary.Run(new Dictionary<string, string>(), "--version").Output.Trim();
        Say($"NATS super-cluster drill: {version}, {regions.Count} regions × {LoopbackSuperCluster.ServersPerRegion} servers on loopback, TLS for clients, routes and gateways; every file accepted by nats-server -t");

        var log = new DrillLog();

        // Formation: all nine started at once; full mesh = every server has its routes, its gateways and healthy JetStream.
        var formationClock = Stopwatch.StartNew();
        log.Mark("phase", "start");
        cluster.StartAll();
        var (formationCore, formation) = await cluster.WaitForFullMeshAsync(TimeSpan.FromSeconds(30), formationClock);
        Say($"[0] full mesh after start: {S(formation.TotalMilliseconds)} (all 9 servers with 2 routes, 2 gateways and /healthz ok; routes and gateways alone after {S(formationCore.TotalMilliseconds)}; the rest is JetStream's first meta-leader election, 4 to 9 s by nats-server 2.9's fixed RAFT timeout)");

        var fleet = new DrillFleet(cluster, log);
        await using (var admin = await AdminAsync(cluster, fleet))
        {
            var js = new NatsJSContext(admin);
            foreach (var region in regions) await StreamAudit.CreateAsync(js, region, TimeSpan.FromSeconds(20));
            foreach (var region in regions)
            {
                var (leaderCluster, replicas) = await StreamAudit.PlacementAsync(js, region);
                Assert.Equal(region, leaderCluster);
                Assert.Equal(3, replicas);
            }
        }
        Say($"    streams {string.Join(", ", regions.Select(StreamPublisher.Stream))}: R3, each placed in its region by tag; ready {S(formationClock.Elapsed.TotalMilliseconds)} after start");

        await using (fleet)
        {
            foreach (var region in regions) await fleet.AddAsync(region, responders: 2, requesters: 2, publisher: true, tag: "");
            await fleet.WaitAllHomeAsync(TimeSpan.FromSeconds(10));
            Say($"    clients per region: 2 responders (queue group), 2 requesters every {Requester.Interval.TotalMilliseconds:0} ms (timeout {Requester.Timeout.TotalSeconds:0} s), 1 stream publisher every {StreamPublisher.Interval.TotalMilliseconds:0} ms");
            await Task.Delay(500);

            // 1. Baseline.
            var b0 = log.Mark("phase", "1 baseline");
            await Task.Delay(4000);
            var b1 = log.Now;
            var baseline = DrillFigures.Between(log.Requests, b0, b1);
            Say($"[1] baseline: {baseline.Count} requests, {baseline.Count(r => !r.Ok)} failed; served in own region: " +
                string.Join(", ", regions.Select(r => $"{r} {DrillFigures.LocalShare(baseline, r):P1}")) + $"; longest gap {Ms(DrillFigures.LongestGap(baseline).Ms)}");

            // 2. Rolling upgrade and rollback: per server lame duck, stop once its clients left, restart, wait healthy;
            //    one server per region at a time, the regions in parallel; twice (the upgrade, then its rollback).
            var r0 = log.Mark("phase", "2 rolling upgrade ×2");
            var lameDuckMovesBefore = fleet.Clients.Sum(c => c.LameDuckMoves);
            var clientsGone = new List<double>();
            var healthyAfter = new List<double>();
            for (var round = 1; round <= RollingRounds; round++)
            for (var i = 1; i <= LoopbackSuperCluster.ServersPerRegion; i++)
            {
                var index = i;
                await Task.WhenAll(regions.Select(async region =>
                {
                    var server = $"{region}-{index}";
                    log.Mark("lame-duck", server);
                    var gone = await LameDuckAndStopAsync(cluster, server);
                    var restarted = Stopwatch.StartNew();
                    cluster.Start(server);
                    await cluster.WaitForServerAsync(server, TimeSpan.FromSeconds(30));
                    lock (clientsGone)
                    {
                        clientsGone.Add(gone);
                        healthyAfter.Add(restarted.Elapsed.TotalMilliseconds);
                    }
                }));
            }
            await Task.Delay(1000);
            var r1 = log.Now;
            var rolling = DrillFigures.Between(log.Requests, r0, r1);
            var rollingGap = DrillFigures.LongestGap(rolling);
            var moves = fleet.Clients.Sum(c => c.LameDuckMoves) - lameDuckMovesBefore;
            Say($"[2] rolling upgrade and rollback ({RollingRounds * 9} lame ducks at production timing {DrillLameDuck.Duration.TotalSeconds:0} s / grace {DrillLameDuck.GracePeriod.TotalSeconds:0} s): {S(r1 - r0)}, " +
                $"{rolling.Count} requests, {rolling.Count(r => !r.Ok)} failed; longest gap {Ms(rollingGap.Ms)} ({rollingGap.Client})");
            Say($"    {moves} client moves made before the break; a lame-duck server was empty within {S(clientsGone.Max())} (then stopped), healthy within {S(healthyAfter.Max())} of its restart");

            // 3. Region outage: SIGKILL all three servers of a region; its clients go to the nearest region; restore; failback.
            var o0 = log.Mark("phase", "3 region outage");
            await Task.Delay(1000);
            var kill = log.Mark("kill", $"SIGKILL {OutageRegion} ×3");
            foreach (var server in cluster.ServersOf(OutageRegion)) cluster.Kill(server.Name);
            await Task.Delay(4000);
            var whileDown = DrillFigures.Between(log.Requests, kill, log.Now);
            var failover = DrillFigures.FailoverTime(log.Requests, OutageRegion, kill);
            var outageRequests = whileDown.Where(r => r.Home == OutageRegion && r.Ok).ToList();
            var servedByNearest = outageRequests.Count == 0 ? 0 : (double)outageRequests.Count(r => r.ServedBy == NearestToOutage) / outageRequests.Count;
            var restoreClock = Stopwatch.StartNew();
            var restore = log.Mark("restore", $"restart {OutageRegion} ×3");
            foreach (var server in cluster.ServersOf(OutageRegion)) cluster.Start(server.Name);
            var home = Task.Run(async () =>
            {
                await fleet.WaitAllHomeAsync(TimeSpan.FromSeconds(20));
                return log.Now;
            });
            var (coreAfterRestore, meshAfterRestore) = await cluster.WaitForFullMeshAsync(TimeSpan.FromSeconds(30), restoreClock);
            var allHome = await home;
            // Hold past the failback bound, so the share after it is measured on at least 2 s of requests.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(2000, restore + FailbackBound.TotalMilliseconds + 2000 - log.Now)));
            var o1 = log.Now;
            var outage = DrillFigures.Between(log.Requests, o0, o1);
            var others = outage.Where(r => r.Home != OutageRegion).ToList();
            var failback = DrillFigures.FailbackTime(log.Requests, OutageRegion, restore, o1, 0.95);
            var afterFailback = DrillFigures.Between(log.Requests, restore + FailbackBound.TotalMilliseconds, o1);
            Say($"[3] region outage of {OutageRegion}: failover {Ms(failover.Ms)} (worst client {failover.Client}, kill to first reply); " +
                $"{servedByNearest:P1} of its answered requests served by {NearestToOutage} (nearest); {outage.Count(r => r.Home == OutageRegion && !r.Ok)} of its requests failed");
            Say($"    other regions: {others.Count} requests, {others.Count(r => !r.Ok)} failed, own-region share " +
                string.Join(", ", regions.Where(r => r != OutageRegion).Select(r => $"{r} {DrillFigures.LocalShare(outage, r):P1}")));
            Say($"    restore: full mesh {S(meshAfterRestore.TotalMilliseconds)} after restart (routes and gateways {S(coreAfterRestore.TotalMilliseconds)}); every {OutageRegion} client home {S(allHome - restore)} after restart; " +
                $"≥ 95% of {OutageRegion}'s requests local from {S(failback)} after restart on (bound {FailbackBound.TotalSeconds:0} s; local share after the bound {DrillFigures.LocalShare(afterFailback, OutageRegion):P1})");

            // 4. Flapping: SIGKILL and restart one server, again and again.
            var f0 = log.Mark("phase", "4 flapping");
            var flapping = await BusiestAsync(cluster, FlappingRegion);
            var dropped = new List<int>();
            for (var k = 1; k <= FlapCycles; k++)
            {
                dropped.Add(await cluster.ConnectionsAsync(flapping));
                log.Mark("kill", k == 1 ? $"flap {flapping}" : "");
                cluster.Kill(flapping);
                await Task.Delay(500);
                cluster.Start(flapping);
                await cluster.WaitForServerAsync(flapping, TimeSpan.FromSeconds(20));
                await Task.Delay(500);
            }
            var f1 = log.Now;
            var flaps = DrillFigures.Between(log.Requests, f0, f1);
            var flapGap = DrillFigures.LongestGap(flaps);
            Say($"[4] flapping {flapping} ×{FlapCycles} (SIGKILL, 0.5 s down, restart, healthy, 0.5 s): {S(f1 - f0)}, client connections dropped per kill {string.Join("/", dropped)}; " +
                $"{flaps.Count} requests, {flaps.Count(r => !r.Ok)} failed; longest gap {Ms(flapGap.Ms)} ({flapGap.Client})");

            // 5. Client scaling: ×10 requesters and responders in one region, then back.
            var s0 = log.Mark("phase", "5 scaling ×10");
            await fleet.AddAsync(ScaledRegion, responders: 18, requesters: 18, publisher: false, tag: "x");
            await fleet.WaitAllHomeAsync(TimeSpan.FromSeconds(10));
            await Task.Delay(3000);
            var perServer = new List<(string Server, int Connections)>();
            foreach (var server in cluster.ServersOf(ScaledRegion)) perServer.Add((server.Name, await cluster.ConnectionsAsync(server.Name)));
            var scaledClients = fleet.Of(ScaledRegion).Count();
            log.Mark("phase", "back");
            await fleet.RemoveAsync("x");
            await Task.Delay(2000);
            var s1 = log.Now;
            var scaling = DrillFigures.Between(log.Requests, s0, s1);
            var mean = perServer.Average(p => p.Connections);
            Say($"[5] scaling {ScaledRegion} to {scaledClients} clients (20 requesters, 20 responders, 1 publisher) and back: {scaling.Count} requests, {scaling.Count(r => !r.Ok)} failed; " +
                $"connections {string.Join(", ", perServer.Select(p => $"{p.Server} {p.Connections}"))} (max/mean {perServer.Max(p => p.Connections) / mean:0.00}); longest gap {Ms(DrillFigures.LongestGap(scaling).Ms)}");

            await fleet.StopAllSendersAsync();
            var end = log.Now;

            // Acknowledged messages: every one must be in its stream.
            var acked = log.Publishes.Where(p => p.Acked).ToList();
            var lost = new List<string>();
            await using (var admin = await AdminAsync(cluster, fleet))
            {
                var js = new NatsJSContext(admin);
                foreach (var region in regions)
                {
                    var stored = await StreamAudit.StoredIdsAsync(js, region, acked.Count(p => p.Region == region), TimeSpan.FromSeconds(30));
                    var missing = acked.Where(p => p.Region == region && !stored.Ids.Contains(p.MsgId)).ToList();
                    Say($"    {StreamPublisher.Stream(region)}: {acked.Count(p => p.Region == region)} acknowledged, {stored.Ids.Count} stored, {missing.Count} acknowledged but missing" +
                        (missing.Count > 0 ? $"; the stream said: {stored.Placement}" : ""));
                    lost.AddRange(missing.Select(p => p.MsgId));
                }
            }
            foreach (var failed in log.Requests.Where(r => !r.Ok))
                Say($"    failed request: {failed.Client} sent at {S(failed.SentMs)} via {failed.Via}: {failed.Error} ({Phase(log.Events, failed.SentMs)})");
            Say($"[JS] {log.Publishes.Count} publishes, {acked.Count} acknowledged, {log.Publishes.Count - acked.Count} not (no quorum or no responders, e.g. {OutageRegion}'s stream while it was down); acknowledged lost: {lost.Count}");

            var svgPath = WriteReport(log, regions, end);
            Say($"drill total {S(total.Elapsed.TotalMilliseconds)}; report and timeline: {svgPath}");

            // The bounds.
            Assert.True(formation <= FormationBound, $"full mesh after start took {formation}");
            Assert.All(regions, r => Assert.Equal(1.0, DrillFigures.LocalShare(baseline, r)));
            Assert.Equal(0, baseline.Count(r => !r.Ok));
            Assert.True(rolling.Count(r => !r.Ok) <= 2, $"rolling upgrade: {rolling.Count(r => !r.Ok)} failed requests");
            Assert.True(moves >= 1, "no client moved off a lame-duck server before it closed the connection");
            Assert.True(rollingGap.Ms < 2000, $"rolling upgrade: longest gap {rollingGap.Ms} ms");
            Assert.True(failover.Ms <= FailoverBound.TotalMilliseconds, $"failover took {failover.Ms} ms ({failover.Client})");
            // 95%, not 99%: on a starved 2-core machine a connect to the nearest region can outlast the client's 1 s
            // connect timeout, and the client then rightly tries the next region for a while (97.9% in one CI run). A
            // wrong URL order or a failover that ignores it shows as about half or none.
            Assert.True(servedByNearest >= 0.95, $"only {servedByNearest:P1} of {OutageRegion}'s requests went to {NearestToOutage}");
            Assert.Equal(0, others.Count(r => !r.Ok));
            Assert.All(regions.Where(r => r != OutageRegion), r => Assert.True(DrillFigures.LocalShare(outage, r) >= 0.99));
            Assert.True(meshAfterRestore <= FormationBound, $"full mesh after restore took {meshAfterRestore}");
            Assert.True(failback <= FailbackBound.TotalMilliseconds, $"{OutageRegion}'s requests were not ≥ 95% local within {FailbackBound} of the restore (took {failback} ms)");
            Assert.True(DrillFigures.LocalShare(afterFailback, OutageRegion) >= 0.95);
            Assert.True(flaps.Count(r => !r.Ok) <= 2 * FlapCycles, $"flapping: {flaps.Count(r => !r.Ok)} failed requests");
            Assert.True(flapGap.Ms < 2000, $"flapping: longest gap {flapGap.Ms} ms ({flapGap.Client})");
            Assert.True(dropped[0] >= 1, "the flapping server had no client to drop");
            Assert.Equal(0, scaling.Count(r => !r.Ok));
            Assert.All(perServer, p => Assert.InRange(p.Connections, mean * 0.5, mean * 1.5));
            Assert.Empty(lost);
            Assert.True(acked.Count >= 0.8 * log.Publishes.Count, $"only {acked.Count} of {log.Publishes.Count} publishes acknowledged");
            Assert.True(total.Elapsed <= DrillBudget, $"the drill took {total.Elapsed}");
        }
    }

    /// <summary>
    /// The upgrade step's stop: lame duck (clients are told and move off within the grace period), then, once the
    /// server holds no client, SIGTERM, which is what lame-duck mode would end with after its full duration.
    /// </summary>
    /// <returns>How long the server took to lose its last client.</returns>
    private static async Task<double> LameDuckAndStopAsync(LoopbackSuperCluster cluster, string server)
    {
        var process = cluster.Process(server);
        var clock = Stopwatch.StartNew();
        process.EnterLameDuck();
        var deadline = DateTime.UtcNow + DrillLameDuck.GracePeriod;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            await Task.Delay(50);
            try
            {
                if (await cluster.ConnectionsAsync(server) == 0) break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
        }
        var gone = clock.Elapsed.TotalMilliseconds;
        process.Stop();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(20));
        return gone;
    }

    /// <summary>A connection for creating and reading the streams, open only while it is used (a lame-duck server waits for every client to leave).</summary>
    private static async Task<NatsConnection> AdminAsync(LoopbackSuperCluster cluster, DrillFleet fleet)
    {
        var admin = new NatsConnection(RegionConnectPolicy.Apply(fleet.BaseOptions with { Name = "drill admin" }, cluster.Generated.For(NearestToOutage), new Random(1)));
        await admin.ConnectAsync();
        return admin;
    }

    private static string Phase(IReadOnlyList<DrillEvent> events, double ms) =>
        events.LastOrDefault(e => e.Kind == "phase" && e.Ms <= ms)?.Label ?? "start";

    private static async Task<string> BusiestAsync(LoopbackSuperCluster cluster, string region)
    {
        var counts = new List<(string Server, int Connections)>();
        foreach (var server in cluster.ServersOf(region)) counts.Add((server.Name, await cluster.ConnectionsAsync(server.Name)));
        return counts.OrderByDescending(c => c.Connections).ThenBy(c => c.Server, StringComparer.Ordinal).First().Server;
    }

    /// <summary>The text report and the timeline, in the test's output folder (bin/.../nats-drill/).</summary>
    private string WriteReport(DrillLog log, IReadOnlyList<string> regions, double end)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "nats-drill");
        Directory.CreateDirectory(folder);
        var svg = Path.Combine(folder, "timeline.svg");
        File.WriteAllText(svg, TimelineSvg.Render(log.Requests, log.Events, regions, 0, end));
        File.WriteAllText(Path.Combine(folder, "report.txt"), report.ToString());
        File.WriteAllLines(Path.Combine(folder, "requests.csv"), log.Requests.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Client},{r.SentMs:0},{r.DoneMs:0},{r.Ok},{r.ServedBy},{r.Via},{r.Error}")).Prepend("client,sent_ms,done_ms,ok,served_by,via,error"));
        File.WriteAllLines(Path.Combine(folder, "events.csv"), log.Events.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Ms:0},{e.Kind},{e.Label}")).Prepend("ms,kind,label"));
        return svg;
    }
}

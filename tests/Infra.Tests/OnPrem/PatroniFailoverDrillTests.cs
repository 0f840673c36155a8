using System.Collections.Concurrent;
using System.Diagnostics;
using Infra.Platform.Database;
using Infra.Tests.OnPrem.Realization;
using Xunit.Abstractions;

namespace Infra.Tests.OnPrem;

/// <summary>
/// Realization test of the onprem3 database: the configuration the tier generates, started for real
/// (etcd, Patroni, PostgreSQL, pgBackRest from Debian packages) on loopback, then a failure drill.
/// Run with <c>--logger "console;verbosity=detailed"</c> to see the figures.
/// </summary>
[Trait("Category", "Realization")]
public sealed class PatroniFailoverDrillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Databases = ["orders", "billing"];
    // Short timings keep the drill under a few minutes; they obey Patroni's loop_wait + 2*retry <= ttl.
    private static readonly HaTimings DrillTimings = new(Ttl: 10, LoopWait: 2, RetryTimeout: 4);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    private LoopbackCluster? cluster;

    public Task InitializeAsync()
    {
        var binDir = RequiredPackages.RequirePostgresBinDir();
        cluster = LoopbackCluster.Create(binDir, Databases, DrillTimings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null) await cluster.DisposeAsync();
    }

    [Fact]
    public async Task Acknowledged_writes_survive_primary_loss_old_primary_rejoins_and_backup_restores()
    {
        var c = cluster!;
        try
        {
            await RunDrillAsync(c);
        }
        catch
        {
            output.WriteLine(c.Logs());
            throw;
        }
    }

    private async Task RunDrillAsync(LoopbackCluster c)
    {
        var total = Stopwatch.StartNew();
        var appConnection = ConnectionString.ReadWrite(c.Spec, "orders", connectTimeoutSeconds: 2);

        // 1) A leader is elected and both replicas stream. Every member's generated backup schedule runs
        //    from the start, as its container does, while no member is primary yet. So does the Service
        //    databases step of a first deployment: it must wait for a primary that holds the app role.
        var firstDeployment = RunServiceDatabasesAsync(c, Databases, wait: TimeSpan.FromSeconds(180));
        await c.StartAsync(StepTimeout);
        foreach (var member in c.Spec.Members) c.StartBackupSchedule(member);
        var firstLeader = await WaitForHealthyClusterAsync(c, expectedReplicas: 2, excludedLeader: null);
        output.WriteLine($"[1] leader {firstLeader.Name} elected, 2 replicas streaming after {total.Elapsed.TotalSeconds:0.0}s");
        output.WriteLine($"    pg_stat_replication: {await ReplicationAsync(c, firstLeader)}");
        var created = await firstDeployment;
        Assert.True(created.Ok, created.ToString());
        Assert.Contains("waiting for a primary", created.Stdout);
        Assert.Contains($"ready on the primary 127.0.0.1:{firstLeader.Ports.Postgres}", created.Stdout);
        output.WriteLine($"    Service databases step: waited {created.Stdout.Split('\n').Count(l => l.Contains("waiting for a primary"))}x, then created orders and billing on {firstLeader.Name}");
        await FirstBackupIsRetriedUntilThePrimaryTakesItAsync(c, firstLeader);

        // One database per Service, owned by the app role.
        Assert.Equal("billing:app,orders:app", await ServiceDatabasesAsync(c, firstLeader));

        // 1c) A Service added to the running cluster: the step, run again with the longer list, creates its database
        //     and leaves the others as they are; the app reaches it but never the maintenance database.
        var addClock = Stopwatch.StartNew();
        var before = await c.QueryOnMemberAsync(firstLeader, "postgres", OidsOfServiceDatabases);
        var added = await RunServiceDatabasesAsync(c, [.. Databases, "invoices"]);
        Assert.True(added.Ok, added.ToString());
        Assert.Single(added.Stdout.Split('\n'), l => l == "CREATE DATABASE"); // invoices only: orders and billing exist
        Assert.Equal("billing:app,invoices:app,orders:app", await ServiceDatabasesAsync(c, firstLeader));
        // libpq tries the next host only when a connection fails, not when a replica that has not replayed the
        // CREATE DATABASE yet answers "does not exist" (the app retries; here we wait for every replica first).
        await ReplicatedAsync(c, "invoices");
        var invoices = AppConnection(c, "invoices");
        Assert.Equal("invoices", (await RequireSql(c, invoices, "select current_database()")).Trim());
        var maintenance = await c.PsqlAsync(AppConnection(c, "postgres"), "select 1", TimeSpan.FromSeconds(15));
        Assert.False(maintenance.Ok, $"The app connected to the postgres database: {maintenance}");
        Assert.Contains("pg_hba.conf rejects connection", maintenance.Stderr);
        var again = await RunServiceDatabasesAsync(c, [.. Databases, "invoices"]);
        Assert.True(again.Ok, again.ToString());
        Assert.DoesNotContain("CREATE DATABASE", again.Stdout);
        var after = await c.QueryOnMemberAsync(firstLeader, "postgres", OidsOfServiceDatabases);
        Assert.StartsWith(before + ",", after); // orders and billing are the very same databases
        Assert.Equal(after, await c.QueryOnMemberAsync(firstLeader, "postgres", OidsOfServiceDatabases));
        output.WriteLine($"[1c] a Service added: the step created invoices (app connects; postgres refused); a second run changed nothing ({addClock.Elapsed.TotalSeconds:0.0}s)");

        // 2) Writes through the multi-host connection string are acknowledged.
        await RequireSql(c, appConnection, "create table drill (id int primary key, written_at timestamptz not null default now())");
        var acknowledged = new ConcurrentBag<int>();
        for (var id = 1; id <= 20; id++)
        {
            await RequireSql(c, appConnection, $"insert into drill (id) values ({id})");
            acknowledged.Add(id);
        }
        output.WriteLine($"[2] {acknowledged.Count} writes acknowledged through {Redact(appConnection)}");

        // 3) SIGKILL the primary while a writer keeps writing; a replica is promoted.
        using var stopWriter = new CancellationTokenSource();
        var attempted = 0;
        long killedTicks = 0, firstWriteAfterKillTicks = 0; // shared with the writer task
        var writerClock = Stopwatch.StartNew();
        var writer = Task.Run(async () =>
        {
            for (var id = 1000; !stopWriter.IsCancellationRequested; id++)
            {
                Interlocked.Increment(ref attempted);
                var startedAfterKill = Volatile.Read(ref killedTicks) != 0;
                var result = await c.PsqlAsync(appConnection, $"insert into drill (id) values ({id})", TimeSpan.FromSeconds(5));
                if (result.Ok)
                {
                    acknowledged.Add(id);
                    // Only a write that began after the kill proves the new primary takes writes.
                    if (startedAfterKill) Interlocked.CompareExchange(ref firstWriteAfterKillTicks, writerClock.Elapsed.Ticks, 0);
                }
                else
                {
                    await Task.Delay(100);
                }
            }
        });

        await Task.Delay(1500);
        c.KillMember(firstLeader);
        var killedAt = writerClock.Elapsed;
        Volatile.Write(ref killedTicks, killedAt.Ticks);
        var ackedBeforeKill = acknowledged.Count;
        var survivors = c.Spec.Members.Where(m => m != firstLeader).ToList();
        PatroniMemberState? newLeader = null;
        await LoopbackCluster.WaitUntilAsync("a replica to be promoted", StepTimeout, async () =>
        {
            var state = await c.ClusterStateAsync(survivors);
            newLeader = state.FirstOrDefault(m => m.Role == "leader" && m.State == "running" && m.Name != firstLeader.Name);
            return newLeader is not null;
        }, pollMs: 100);
        var promotedAfter = writerClock.Elapsed - killedAt;
        output.WriteLine($"[3] killed {firstLeader.Name} (SIGKILL patroni + postmaster) with {ackedBeforeKill} writes acknowledged; " +
                         $"{newLeader!.Name} promoted after {promotedAfter.TotalSeconds:0.0}s (ttl {DrillTimings.Ttl}s)");

        await LoopbackCluster.WaitUntilAsync("a write to succeed through the same connection string after failover", StepTimeout,
            () => Task.FromResult(Volatile.Read(ref firstWriteAfterKillTicks) != 0));
        await Task.Delay(1000);
        await stopWriter.CancelAsync();
        await writer;
        var firstWriteAfterKill = TimeSpan.FromTicks(Volatile.Read(ref firstWriteAfterKillTicks));
        output.WriteLine($"    writes unavailable for {(firstWriteAfterKill - killedAt).TotalSeconds:0.0}s (first write begun after the kill); writer attempted {attempted}, acknowledged {acknowledged.Count - 20} during the drill");

        // Every acknowledged write is on the new primary (read through the same connection string).
        var present = (await RequireSql(c, appConnection, "select id from drill order by id"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();
        var lost = acknowledged.Where(id => !present.Contains(id)).Order().ToList();
        Assert.True(lost.Count == 0, $"Acknowledged writes missing on the new primary {newLeader.Name}: {string.Join(",", lost)}");
        output.WriteLine($"    all {acknowledged.Count} acknowledged writes are on {newLeader.Name} ({present.Count} rows)");
        var servedBy = (await RequireSql(c, appConnection, "select inet_server_port()")).Trim();
        Assert.Equal(c.Member(newLeader.Name).Ports.Postgres.ToString(System.Globalization.CultureInfo.InvariantCulture), servedBy);
        await RequireSql(c, appConnection, "insert into drill (id) values (5000)");
        acknowledged.Add(5000);
        var leaderNow = await WaitForHealthyClusterAsync(c, expectedReplicas: 1, excludedLeader: firstLeader);
        Assert.Equal(newLeader.Name, leaderNow.Name);

        // 3b) After failover the same step finds the new primary through the same member list.
        var failoverClock = Stopwatch.StartNew();
        var afterFailover = await RunServiceDatabasesAsync(c, [.. Databases, "invoices", "ledger"]);
        Assert.True(afterFailover.Ok, afterFailover.ToString());
        Assert.Contains($"ready on the primary 127.0.0.1:{leaderNow.Ports.Postgres}", afterFailover.Stdout);
        Assert.Equal("billing:app,invoices:app,ledger:app,orders:app", await ServiceDatabasesAsync(c, leaderNow));
        await ReplicatedAsync(c, "ledger", c.Spec.Members.Where(m => m != firstLeader));
        Assert.Equal("ledger", (await RequireSql(c, AppConnection(c, "ledger"), "select current_database()")).Trim());
        output.WriteLine($"[3b] after failover the step created ledger on the new primary {leaderNow.Name} ({failoverClock.Elapsed.TotalSeconds:0.0}s)");

        // 4) The old primary, its Patroni restarted, rejoins as a replica (pg_rewind if it diverged).
        var rejoinClock = Stopwatch.StartNew();
        c.StartPatroni(firstLeader);
        await WaitForHealthyClusterAsync(c, expectedReplicas: 2, excludedLeader: firstLeader);
        var state = await c.ClusterStateAsync();
        var oldPrimary = state.Single(m => m.Name == firstLeader.Name);
        Assert.NotEqual("leader", oldPrimary.Role);
        await LoopbackCluster.WaitUntilAsync($"{firstLeader.Name} to replay write 5000", StepTimeout, async () =>
            await c.QueryOnMemberAsync(firstLeader, "orders", "select count(*) from drill where id = 5000") == "1");
        var newTimeline = state.Single(m => m.Role == "leader").Timeline;
        output.WriteLine($"[4] {firstLeader.Name} rejoined as {oldPrimary.Role} of {leaderNow.Name} (timeline {newTimeline}) after {rejoinClock.Elapsed.TotalSeconds:0.0}s and replays new writes");
        var rewind = c.PatroniLogLines(firstLeader, "rewind");
        output.WriteLine(rewind.Count > 0 ? $"    pg_rewind: {rewind[^1].Trim()}" : "    pg_rewind: not needed (no diverged WAL)");
        output.WriteLine($"    pg_stat_replication on {leaderNow.Name}: {await ReplicationAsync(c, c.Member(leaderNow.Name))}");

        // 4b) Strict synchronous mode: with both replicas gone the primary does not acknowledge a write
        //     that would exist on one disk only; it commits once a standby is back.
        var replicas = c.Spec.Members.Where(m => m.Name != leaderNow.Name).ToList();
        foreach (var replica in replicas) c.KillMember(replica);
        var lonely = await c.PsqlAsync(appConnection, "insert into drill (id) values (6000)", TimeSpan.FromSeconds(6));
        Assert.False(lonely.Ok, $"A write was acknowledged with no standby alive: {lonely}");
        foreach (var replica in replicas) c.StartPatroni(replica);
        await WaitForHealthyClusterAsync(c, expectedReplicas: 2, excludedLeader: null);
        output.WriteLine($"[4b] both replicas killed: a write stayed unacknowledged ({(lonely.TimedOut ? "blocked past the 6s client timeout" : "refused")}); " +
                         "replicas restarted and streaming again");

        // 5) Backup on the current primary, restore into a fresh instance, compare.
        var leaderMember = c.Member(leaderNow.Name);
        var replicaMember = c.Spec.Members.First(m => m != leaderMember);
        // One round of the generated schedule on every member: only the primary backs up.
        var onReplica = await ToolProcess.RequireAsync(["sh", replicaMember.Paths.BackupScheduleScript, "once"], StepTimeout, asServiceUser: true);
        Assert.Contains("not the primary", onReplica.Stdout);
        var backupClock = Stopwatch.StartNew();
        var onPrimary = await ToolProcess.RequireAsync(["sh", leaderMember.Paths.BackupScheduleScript, "once"], StepTimeout, asServiceUser: true);
        Assert.Contains("done", onPrimary.Stdout);
        await ToolProcess.RequireAsync(PgBackRestCommands.Check(c.Spec, leaderMember), StepTimeout, asServiceUser: true);
        var info = await ToolProcess.RequireAsync(
            ["pgbackrest", $"--config={leaderMember.Paths.PgBackRestConfigFile}", $"--stanza={c.Spec.Stanza}", "--output=json", "info"],
            StepTimeout, asServiceUser: true);
        Assert.Contains("\"type\":\"full\"", info.Stdout);
        const string fingerprint = "select count(*) || ':' || sum(id) || ':' || md5(string_agg(id::text || '@' || written_at::text, ',' order by id)) from drill";
        var expected = await c.QueryOnMemberAsync(leaderMember, "orders", fingerprint);
        output.WriteLine($"[5] the schedule skipped replica {replicaMember.Name}; full backup of {leaderMember.Name} took {backupClock.Elapsed.TotalSeconds:0.0}s; data fingerprint {expected}");

        var restored = await RestoreAsync(c, leaderMember);
        var actual = await c.QueryOnMemberAsync(restored, "orders", fingerprint);
        Assert.Equal(expected, actual);
        var restoredDatabases = await c.QueryOnMemberAsync(restored, "postgres",
            "select string_agg(datname, ',' order by datname) from pg_database where datname in ('orders','billing')");
        Assert.Equal("billing,orders", restoredDatabases);
        output.WriteLine($"    restored into a fresh instance on port {restored.Ports.Postgres}: fingerprint matches; drill total {total.Elapsed.TotalSeconds:0.0}s");
    }

    /// <summary>
    /// Issue 9 A11: the schedules started before any member was primary do not sleep a whole interval.
    /// While the repository holds no backup they check again every few seconds; the member that became
    /// primary takes the first backup, and then every member falls back to the interval.
    /// </summary>
    private async Task FirstBackupIsRetriedUntilThePrimaryTakesItAsync(LoopbackCluster c, ClusterMember leader)
    {
        var interval = $"next round in {24 * 3600}s";
        await LoopbackCluster.WaitUntilAsync("every member's schedule to fall back to the interval after the first backup", StepTimeout,
            () => Task.FromResult(c.Spec.Members.All(m => c.BackupScheduleLog(m).Contains(interval))));

        var log = c.BackupScheduleLog(leader);
        var waiting = log.ToList().FindIndex(l => l.Contains("holds no backup yet: checking again in", StringComparison.Ordinal));
        var done = log.ToList().FindIndex(l => l.StartsWith("backup (", StringComparison.Ordinal) && l.EndsWith(") done", StringComparison.Ordinal));
        Assert.True(waiting >= 0, $"{leader.Name}'s schedule never ran while it was not primary yet:\n{string.Join('\n', log)}");
        Assert.Contains("not the primary", log[waiting]);
        Assert.True(done > waiting, $"{leader.Name}'s schedule did not take the first backup after retrying:\n{string.Join('\n', log)}");
        Assert.Equal(interval, log[done + 1]);
        var retries = log.Take(done).Count(l => l == $"next round in {LoopbackCluster.BackupRetrySeconds}s");
        foreach (var replica in c.Spec.Members.Where(m => m != leader))
        {
            var replicaLog = c.BackupScheduleLog(replica);
            Assert.DoesNotContain(replicaLog, l => l.EndsWith(") done", StringComparison.Ordinal));
            // Once the first backup exists a replica sleeps the interval, not the retry.
            var first = replicaLog.ToList().FindIndex(l => l.StartsWith("not the primary (t): no backup from", StringComparison.Ordinal));
            Assert.True(first >= 0 && replicaLog[first + 1] == interval, $"{replica.Name}:\n{string.Join('\n', replicaLog)}");
        }
        output.WriteLine($"[1b] {leader.Name}'s schedule retried {retries}x every {LoopbackCluster.BackupRetrySeconds}s while not primary, " +
                         "then took the first backup; every member now waits the 24h interval");
    }

    /// <summary>The documented restore procedure: pgbackrest restore into an empty directory, then start PostgreSQL.</summary>
    private async Task<ClusterMember> RestoreAsync(LoopbackCluster c, ClusterMember source)
    {
        var dir = Path.Combine(c.Root, "restore");
        var dataDir = Path.Combine(dir, "data");
        Directory.CreateDirectory(dataDir);
        await ToolProcess.RequireAsync(["chmod", "700", dataDir], TimeSpan.FromSeconds(10));
        await ToolProcess.RequireAsync(["chown", "-R", $"{ToolProcess.ServiceUser}:{ToolProcess.ServiceUser}", dir], TimeSpan.FromSeconds(10));
        c.TrackDataDir(dataDir);
        var clock = Stopwatch.StartNew();
        await ToolProcess.RequireAsync(PgBackRestCommands.Restore(c.Spec, source, dataDir), StepTimeout, asServiceUser: true);

        var port = LoopbackCluster.FreePorts(1)[0];
        // The restored copy is a standalone instance: it must not archive into the cluster's stanza
        // nor wait for synchronous standbys that do not exist.
        var options = string.Join(' ',
            $"-p {port}", $"-k {source.Paths.Run}", "-c listen_addresses=127.0.0.1",
            $"-c hba_file={dataDir}/pg_hba.conf", $"-c ident_file={dataDir}/pg_ident.conf",
            "-c archive_mode=off", "-c synchronous_standby_names=", "-c cluster_name=restored");
        await ToolProcess.RequireAsync(
            [Path.Combine(c.BinDir, "pg_ctl"), "-D", dataDir, "-l", Path.Combine(dir, "postgres.log"), "-w", "-t", "60", "-o", options, "start"],
            StepTimeout, asServiceUser: true);
        var restored = source with { Name = "restored", Ports = source.Ports with { Postgres = port } };
        await LoopbackCluster.WaitUntilAsync("the restored instance to finish recovery and accept writes", StepTimeout, async () =>
            (await c.PsqlAsync(c.SuperuserConnection(restored.Address, port, "postgres"), "select pg_is_in_recovery()", TimeSpan.FromSeconds(5), superuser: true))
            .Stdout.Trim() == "f");
        output.WriteLine($"    restore + recovery took {clock.Elapsed.TotalSeconds:0.0}s");
        return restored;
    }

    private static async Task<ClusterMember> WaitForHealthyClusterAsync(LoopbackCluster c, int expectedReplicas, ClusterMember? excludedLeader)
    {
        ClusterMember? leader = null;
        await LoopbackCluster.WaitUntilAsync($"a leader and {expectedReplicas} streaming replicas (one synchronous)", TimeSpan.FromSeconds(120), async () =>
        {
            var state = await c.ClusterStateAsync();
            var running = state.Where(m => m.Role == "leader" && m.State == "running" && m.Name != excludedLeader?.Name).ToList();
            if (running.Count != 1) return false;
            leader = c.Member(running[0].Name);
            // Patroni names each replica's connection after its member; pg_basebackup's own WAL stream
            // (a replica still being cloned) must not count as a streaming replica.
            var members = string.Join(",", c.Spec.Members.Select(m => $"'{m.Name}'"));
            var replication = await c.PsqlAsync(c.SuperuserConnection(leader.Address, leader.Ports.Postgres, "postgres"),
                "select count(*) filter (where state = 'streaming') || ':' || count(*) filter (where sync_state = 'sync') " +
                $"from pg_stat_replication where application_name in ({members})",
                TimeSpan.FromSeconds(5), superuser: true);
            return replication.Ok && replication.Stdout.Trim() == $"{expectedReplicas}:1";
        }, pollMs: 500);
        return leader!;
    }

    private const string OidsOfServiceDatabases =
        "select string_agg(oid::text, ',' order by oid) from pg_database where datname not in ('postgres','template0','template1')";

    /// <summary>The generated Service databases script, fed to <c>sh -s</c> as the postgres user, as the tier's step runs it in its container.</summary>
    private static Task<ToolResult> RunServiceDatabasesAsync(LoopbackCluster c, IReadOnlyList<string> databases, TimeSpan? wait = null) =>
        ToolProcess.RunAsync(["sh", "-s"], (wait ?? StepTimeout) + TimeSpan.FromSeconds(20), asServiceUser: true,
            stdin: ServiceDatabasesScript.For(c.Spec with { Databases = databases }, waitSeconds: (int)(wait ?? StepTimeout).TotalSeconds, retrySeconds: 1));

    private static async Task ReplicatedAsync(LoopbackCluster c, string database, IEnumerable<ClusterMember>? members = null)
    {
        foreach (var member in members ?? c.Spec.Members)
            await LoopbackCluster.WaitUntilAsync($"{database} to reach {member.Name}", StepTimeout, async () =>
                await c.QueryOnMemberAsync(member, "postgres", $"select count(*) from pg_database where datname = '{database}'") == "1");
    }

    private static Task<string> ServiceDatabasesAsync(LoopbackCluster c, ClusterMember leader) =>
        c.QueryOnMemberAsync(leader, "postgres",
            "select string_agg(datname || ':' || pg_get_userbyid(datdba), ',' order by datname) from pg_database where datname not in ('postgres','template0','template1')");

    /// <summary>The app's multi-host connection string, pointed at any database (also one the cluster does not serve).</summary>
    private static string AppConnection(LoopbackCluster c, string database) =>
        ConnectionString.ReadWrite(c.Spec, Databases[0], connectTimeoutSeconds: 2).Replace($"/{Databases[0]}?", $"/{database}?");

    private static async Task<string> ReplicationAsync(LoopbackCluster c, ClusterMember leader) =>
        (await c.QueryOnMemberAsync(leader, "postgres",
            "select string_agg(application_name || '=' || state || '/' || sync_state, ', ' order by application_name) from pg_stat_replication"));

    private static async Task<string> RequireSql(LoopbackCluster c, string connection, string sql)
    {
        var result = await c.PsqlAsync(connection, sql, TimeSpan.FromSeconds(15));
        if (!result.Ok) throw new InvalidOperationException($"'{sql}' through {Redact(connection)} failed: {result}");
        return result.Stdout;
    }

    private static string Redact(string connection) =>
        System.Text.RegularExpressions.Regex.Replace(connection, ":[^:@/]+@", ":***@");
}

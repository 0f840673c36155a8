using NATS.Client.Core;

namespace Infra.Nats.Client;

/// <summary>
/// A client of the super-cluster that stays in its home region when it can, following the platform's
/// client policy (components/Nats/README.md):
/// <list type="bullet">
/// <item>connect with <see cref="RegionConnectPolicy"/>: own region first, nearest next; a crashed server
/// is handled by NATS's own reconnect down that list;</item>
/// <item>lame duck: when its server announces lame-duck mode, move to another server before that server
/// closes the connection (make before break: attach the role on a new connection, then drain the old);</item>
/// <item>failback: while on a foreign region, probe home (<see cref="HomeRegionProbe"/>); once it has
/// answered for <see cref="FailbackPolicy.HealthyFor"/>, wait a random share of the spread and move home the
/// same way.</item>
/// </list>
/// </summary>
public sealed class RegionalClient : IAsyncDisposable
{
    private readonly NatsClientUrls urls;
    private readonly NatsOpts options;
    private readonly FailbackPolicy policy;
    private readonly IRegionalRole role;
    private readonly Random random;
    private readonly HomeRegionProbe probe;
    private readonly SemaphoreSlim moving = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private Task? failbackLoop;
    private NatsConnection? current;
    private int failbacks;
    private int lameDuckMoves;

    public RegionalClient(string name, NatsClientUrls urls, NatsOpts options, FailbackPolicy policy, IRegionalRole role, Random random)
    {
        Name = name;
        this.urls = urls;
        this.options = options with { Name = name };
        this.policy = policy;
        this.role = role;
        this.random = random;
        probe = new HomeRegionProbe(urls, this.options, random);
    }

    public string Name { get; }

    public string Home => urls.Region;

    /// <summary>The connection work goes to now.</summary>
    public NatsConnection Connection => current ?? throw new InvalidOperationException($"{Name} is not started.");

    /// <summary>The region (NATS cluster) of the server the client is on now; null while disconnected.</summary>
    public string? Region => current?.ConnectionState == NatsConnectionState.Open ? current.ServerInfo?.Cluster : null;

    public bool AtHome => Region == Home;

    public int Failbacks => Volatile.Read(ref failbacks);

    public int LameDuckMoves => Volatile.Read(ref lameDuckMoves);

    public async Task StartAsync()
    {
        current = await OpenAsync(retryUntilConnected: true);
        await role.AttachAsync(current, stop.Token);
        failbackLoop = Task.Run(FailbackLoopAsync);
    }

    /// <param name="retryUntilConnected">At start, wait for a server; when moving, fail fast (the old connection carries on).</param>
    private async Task<NatsConnection> OpenAsync(bool retryUntilConnected)
    {
        var connection = new NatsConnection(RegionConnectPolicy.Apply(options, urls, random) with { RetryOnInitialConnect = retryUntilConnected });
        connection.LameDuckModeActivated += (sender, args) =>
        {
            _ = Task.Run(() => MoveAsync((NatsConnection)sender!, toHome: false));
            return ValueTask.CompletedTask;
        };
        try
        {
            await connection.ConnectAsync();
        }
        catch (Exception)
        {
            await connection.DisposeAsync();
            throw;
        }
        return connection;
    }

    /// <summary>Make before break: a new connection (the policy's order picks the server), the role attached there, the old one drained and closed.</summary>
    private async Task MoveAsync(NatsConnection from, bool toHome)
    {
        await moving.WaitAsync();
        try
        {
            if (stop.IsCancellationRequested || !ReferenceEquals(from, current)) return;
            NatsConnection next;
            try
            {
                next = await OpenAsync(retryUntilConnected: false);
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                return; // nothing accepts: NATS's own reconnect keeps the old connection going
            }
            if (toHome && next.ServerInfo?.Cluster != Home)
            {
                await next.DisposeAsync();
                return;
            }
            await role.AttachAsync(next, stop.Token);
            current = next;
            if (toHome) Interlocked.Increment(ref failbacks);
            else Interlocked.Increment(ref lameDuckMoves);
            await role.DetachAsync(from);
            await FenceAsync(from);
            await from.DisposeAsync();
        }
        finally
        {
            moving.Release();
        }
    }

    /// <summary>A PING answered means the server has read everything written before it (the last replies) before the connection closes.</summary>
    private static async Task FenceAsync(NatsConnection connection)
    {
        try
        {
            using var timeout = new CancellationTokenSource(RegionConnectPolicy.ConnectTimeout);
            await connection.PingAsync(timeout.Token);
        }
        catch (Exception) { } // the server is gone already: nothing more can reach it
    }

    private async Task FailbackLoopAsync()
    {
        DateTime? healthySince = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(policy.ProbeInterval, stop.Token);
                if (Region is null || AtHome)
                {
                    healthySince = null;
                    continue;
                }
                if (!await probe.HomeAnswersAsync(stop.Token))
                {
                    healthySince = null;
                    continue;
                }
                healthySince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - healthySince < policy.HealthyFor) continue;
                await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * policy.Spread.TotalMilliseconds), stop.Token);
                await MoveAsync(Connection, toHome: true);
                healthySince = null;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (failbackLoop is not null) await failbackLoop;
        await moving.WaitAsync();
        if (current is not null)
        {
            await role.DetachAsync(current);
            await FenceAsync(current);
            await current.DisposeAsync();
        }
        moving.Release();
        stop.Dispose();
    }
}

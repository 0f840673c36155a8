using NATS.Client.Core;

namespace Infra.Nats.Client;

/// <summary>
/// Failback, which NATS does not do (nats-io/nats-server#343): while a connection is on a server outside its
/// home region, probe the home region with a short-lived connection (it must accept us, name the home
/// cluster, and answer a JetStream API call, which needs its JetStream caught up). Once the probe has
/// passed for the policy's healthy period, force a reconnect: with <see cref="RegionConnectPolicy"/>'s
/// ordered list the home servers come first. Subscriptions are restored by the client as on any reconnect.
/// </summary>
public sealed class HomeRegionFailback : IAsyncDisposable
{
    private readonly NatsConnection connection;
    private readonly string home;
    private readonly NatsOpts probeOptions;
    private readonly FailbackPolicy policy;
    private readonly Random random;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int failbacks;

    /// <param name="connection">The client's connection, built with <see cref="RegionConnectPolicy.Apply"/>.</param>
    /// <param name="urls">The client's region and its URL groups; the first group is home.</param>
    /// <param name="options">The client's options (auth, TLS): the probe connects with them.</param>
    public HomeRegionFailback(NatsConnection connection, NatsClientUrls urls, NatsOpts options, FailbackPolicy policy, Random random)
    {
        this.connection = connection;
        home = urls.Region;
        this.policy = policy;
        this.random = random;
        probeOptions = options with
        {
            Url = string.Join(",", urls.Groups[0].Urls.OrderBy(_ => random.Next())),
            Name = $"{options.Name} failback probe",
            NoRandomize = true,
            RetryOnInitialConnect = false,
            MaxReconnectRetry = 0,
            ConnectTimeout = RegionConnectPolicy.ConnectTimeout,
        };
        loop = Task.Run(RunAsync);
    }

    /// <summary>How often this client has failed back.</summary>
    public int Failbacks => Volatile.Read(ref failbacks);

    public bool AtHome => connection.ServerInfo?.Cluster == home;

    private async Task RunAsync()
    {
        DateTime? healthySince = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(policy.ProbeInterval, stop.Token);
                if (connection.ConnectionState != NatsConnectionState.Open || AtHome)
                {
                    healthySince = null;
                    continue;
                }
                if (!await HomeAnswersAsync())
                {
                    healthySince = null;
                    continue;
                }
                healthySince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - healthySince < policy.HealthyFor) continue;
                await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * policy.Spread.TotalMilliseconds), stop.Token);
                if (connection.ConnectionState == NatsConnectionState.Open && !AtHome)
                {
                    await connection.ReconnectAsync();
                    Interlocked.Increment(ref failbacks);
                }
                healthySince = null;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<bool> HomeAnswersAsync()
    {
        await using var probe = new NatsConnection(probeOptions);
        try
        {
            await probe.ConnectAsync();
            if (probe.ServerInfo?.Cluster != home) return false;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            timeout.CancelAfter(RegionConnectPolicy.ConnectTimeout);
            var reply = await probe.RequestAsync<string?, string>("$JS.API.INFO", null,
                replyOpts: new NatsSubOpts { Timeout = RegionConnectPolicy.ConnectTimeout }, cancellationToken: timeout.Token);
            return reply.Data is { } data && !data.Contains("\"error\"", StringComparison.Ordinal);
        }
        catch (Exception) when (!stop.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await loop; } catch (OperationCanceledException) { }
        stop.Dispose();
    }
}

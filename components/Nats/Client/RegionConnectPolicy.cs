using NATS.Client.Core;

namespace Infra.Nats.Client;

/// <summary>
/// How a client in a region connects and reconnects (the platform binary follows the same rules):
/// <list type="bullet">
/// <item>the server list is the region's groups in order (own region, then nearest first), each group
/// shuffled per client so a region's clients spread over its servers;</item>
/// <item>the client's own randomization is off, so a reconnect walks that list: the other servers of its
/// region first, then the nearest region (NATS puts the server just lost last);</item>
/// <item>reconnect waits start short (a refused port is tried again after 50 ms, doubling to 2 s), so a
/// dead region costs a client its connect attempts there, not seconds of back-off;</item>
/// <item>it never fails back on its own: <see cref="HomeRegionFailback"/> does that.</item>
/// </list>
/// </summary>
public static class RegionConnectPolicy
{
    public static readonly TimeSpan ReconnectWaitMin = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan ReconnectWaitMax = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ReconnectJitter = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The server list of one client: groups in order, shuffled within each group by <paramref name="random"/>.</summary>
    public static IReadOnlyList<string> ServerList(NatsClientUrls urls, Random random) =>
        urls.Groups.SelectMany(g => g.Urls.OrderBy(_ => random.Next())).ToList();

    /// <summary><paramref name="options"/> (auth, TLS, name) with the region's server list and the reconnect rules above.</summary>
    public static NatsOpts Apply(NatsOpts options, NatsClientUrls urls, Random random) => options with
    {
        Url = string.Join(",", ServerList(urls, random)),
        NoRandomize = true,
        ReconnectWaitMin = ReconnectWaitMin,
        ReconnectWaitMax = ReconnectWaitMax,
        ReconnectJitter = ReconnectJitter,
        ConnectTimeout = ConnectTimeout,
        MaxReconnectRetry = -1,
        RetryOnInitialConnect = true,
    };
}

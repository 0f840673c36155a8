namespace Infra.Nats.Client;

/// <summary>
/// When a client away from its home region goes back: its home region answers a probe every
/// <see cref="ProbeInterval"/>, has done so for <see cref="HealthyFor"/>, and then the client waits a random
/// share of <see cref="Spread"/> (so a region's clients do not return in one burst) and reconnects.
/// </summary>
public sealed record FailbackPolicy(TimeSpan ProbeInterval, TimeSpan HealthyFor, TimeSpan Spread)
{
    public static readonly FailbackPolicy Default = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    /// <summary>The longest a client stays away once its home region is healthy: one probe round, the healthy period, the spread, a reconnect.</summary>
    public TimeSpan Bound => ProbeInterval + HealthyFor + Spread + RegionConnectPolicy.ConnectTimeout;
}

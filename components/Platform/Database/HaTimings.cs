namespace Infra.Platform.Database;

/// <summary>
/// Patroni's failure-detection timings, in seconds. The leader key expires <see cref="Ttl"/> seconds
/// after the primary stops renewing it, which bounds failover time. Production keeps Patroni's
/// defaults; a realization test may shorten them to keep the drill quick.
/// </summary>
public sealed record HaTimings(int Ttl = 30, int LoopWait = 10, int RetryTimeout = 10)
{
    public static HaTimings Production { get; } = new();

    internal void Validate()
    {
        if (LoopWait < 1 || RetryTimeout < 1 || Ttl < 1)
            throw new DatabaseConfigException($"HA timings must be positive seconds, got ttl={Ttl}, loop_wait={LoopWait}, retry_timeout={RetryTimeout}.");
        // Patroni's own rule: a primary must be able to retry its DCS update before its lease runs out.
        if (LoopWait + 2 * RetryTimeout > Ttl)
            throw new DatabaseConfigException(
                $"HA timings break Patroni's rule loop_wait + 2 * retry_timeout <= ttl ({LoopWait} + 2 * {RetryTimeout} > {Ttl}): raise ttl or lower the others.");
    }
}

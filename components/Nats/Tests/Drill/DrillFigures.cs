namespace Infra.Nats.Tests.Drill;

/// <summary>The figures the drill reports, computed from what the clients recorded.</summary>
internal static class DrillFigures
{
    public const double BucketMs = 500;

    public static IReadOnlyList<RequestRecord> Between(IReadOnlyList<RequestRecord> requests, double from, double to) =>
        requests.Where(r => r.SentMs >= from && r.SentMs < to).ToList();

    /// <summary>The longest time a client went without a reply: between two successive successful replies in the window.</summary>
    public static (string Client, double Ms) LongestGap(IReadOnlyList<RequestRecord> window)
    {
        var worst = ("-", 0.0);
        foreach (var client in window.GroupBy(r => r.Client))
        {
            var done = client.Where(r => r.Ok).Select(r => r.DoneMs).Order().ToList();
            for (var i = 1; i < done.Count; i++)
                if (done[i] - done[i - 1] > worst.Item2) worst = (client.Key, done[i] - done[i - 1]);
        }
        return worst;
    }

    /// <summary>The share of a region's requests answered by a responder on that region's servers (failed requests count as not local).</summary>
    public static double LocalShare(IEnumerable<RequestRecord> window, string home)
    {
        var mine = window.Where(r => r.Home == home).ToList();
        return mine.Count == 0 ? double.NaN : (double)mine.Count(r => r.Ok && r.ServedBy == home) / mine.Count;
    }

    /// <summary>Per client of the region: from the kill to its first reply after it; the worst.</summary>
    public static (string Client, double Ms) FailoverTime(IReadOnlyList<RequestRecord> requests, string home, double killMs) =>
        requests.Where(r => r.Home == home).GroupBy(r => r.Client)
            .Select(g => (g.Key, (g.Where(r => r.Ok && r.DoneMs > killMs).Select(r => r.DoneMs).DefaultIfEmpty(double.PositiveInfinity).Min()) - killMs))
            .MaxBy(x => x.Item2);

    /// <summary>
    /// From the restore until the region's requests are local again for good: the start of the first
    /// 500 ms bucket after which every bucket up to <paramref name="endMs"/> has at least <paramref name="share"/> local.
    /// </summary>
    public static double FailbackTime(IReadOnlyList<RequestRecord> requests, string home, double restoreMs, double endMs, double share)
    {
        var buckets = new List<(double Start, double Share)>();
        for (var start = restoreMs; start + BucketMs <= endMs; start += BucketMs)
            buckets.Add((start, LocalShare(Between(requests, start, start + BucketMs), home)));
        var firstGood = buckets.Count;
        for (var i = buckets.Count - 1; i >= 0 && buckets[i].Share >= share; i--) firstGood = i;
        return firstGood == buckets.Count ? double.PositiveInfinity : buckets[firstGood].Start - restoreMs;
    }
}

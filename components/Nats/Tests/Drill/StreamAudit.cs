using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Infra.Nats.Tests.Drill;

/// <summary>The drill's streams: created R3 in their region by tag, and read back in full at the end.</summary>
internal static class StreamAudit
{
    public static async Task CreateAsync(NatsJSContext js, string region, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await js.CreateStreamAsync(new StreamConfig(StreamPublisher.Stream(region), [StreamPublisher.Subject(region)])
                {
                    NumReplicas = 3,
                    Storage = StreamConfigStorage.File,
                    Placement = new Placement { Tags = [NatsSuperCluster.PlacementTag(region)] },
                });
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200); // JetStream's meta leader is still being elected
            }
        }
    }

    /// <summary>The cluster (region) holding the stream's leader, and its replicas.</summary>
    public static async Task<(string? Cluster, int Replicas)> PlacementAsync(NatsJSContext js, string region)
    {
        var stream = await js.GetStreamAsync(StreamPublisher.Stream(region));
        return (stream.Info.Cluster?.Name, 1 + (stream.Info.Cluster?.Replicas?.Count ?? 0));
    }

    /// <summary>
    /// Every message id in the region's stream, and, when the stream holds fewer than were acknowledged, what its
    /// leader and replicas said. A stream whose region was just restored may answer from a leader that is still
    /// catching up from its peers, so the read waits (up to <paramref name="timeout"/>) until the stream reports at
    /// least <paramref name="acknowledged"/> messages; half way through it asks the leader to step down once, since a
    /// leader elected on a stale replica can keep answering from it. Whatever is still missing after that is lost,
    /// and the caller says so.
    /// </summary>
    public static async Task<StoredStream> StoredIdsAsync(NatsJSContext js, string region, int acknowledged, TimeSpan timeout)
    {
        var name = StreamPublisher.Stream(region);
        var start = DateTime.UtcNow;
        var steppedDown = false;
        var stream = await js.GetStreamAsync(name);
        while (stream.Info.State.Messages < acknowledged && DateTime.UtcNow < start + timeout)
        {
            if (!steppedDown && DateTime.UtcNow > start + timeout / 2)
            {
                steppedDown = true;
                await js.Connection.RequestAsync<string, string>($"$JS.API.STREAM.LEADER.STEPDOWN.{name}", "");
            }
            await Task.Delay(500);
            try
            {
                stream = await js.GetStreamAsync(name);
            }
            catch (NatsException) when (DateTime.UtcNow < start + timeout)
            {
                // no leader for a moment (the step-down's election); ask again
            }
        }
        var placement = Describe(stream.Info) + (steppedDown ? "; its leader was asked to step down once" : "");
        var last = stream.Info.State.LastSeq;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (stream.Info.State.Messages == 0) return new StoredStream(ids, placement);
        var consumer = await js.CreateOrderedConsumerAsync(name);
        using var cts = new CancellationTokenSource(timeout);
        await foreach (var msg in consumer.ConsumeAsync<string>(cancellationToken: cts.Token))
        {
            if (msg.Data is { } id) ids.Add(id);
            if (msg.Metadata?.Sequence.Stream >= last) break;
        }
        return new StoredStream(ids, placement);
    }

    private static string Describe(StreamInfo info)
    {
        var replicas = info.Cluster?.Replicas ?? [];
        return $"{info.State.Messages} messages (sequence {info.State.FirstSeq}..{info.State.LastSeq}); leader {info.Cluster?.Leader ?? "none"} in {info.Cluster?.Name ?? "?"}; replicas " +
               (replicas.Count == 0 ? "none" : string.Join(", ", replicas.Select(r => $"{r.Name} ({(r.Current ? "current" : "not current")}{(r.Offline ? ", offline" : "")}, lag {r.Lag})")));
    }
}

/// <summary>What the audit read from a stream: its message ids, and its leader and replicas as the stream reported them.</summary>
internal sealed record StoredStream(HashSet<string> Ids, string Placement);

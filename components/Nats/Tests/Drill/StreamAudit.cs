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
    /// Every message id in the region's stream. A stream whose region was just restored may answer from a
    /// leader that is still catching up from its peers, so the read waits (up to <paramref name="timeout"/>)
    /// until the stream reports at least <paramref name="acknowledged"/> messages; whatever is still missing
    /// after that is lost, and the caller says so.
    /// </summary>
    public static async Task<HashSet<string>> StoredIdsAsync(NatsJSContext js, string region, int acknowledged, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var stream = await js.GetStreamAsync(StreamPublisher.Stream(region));
        while (stream.Info.State.Messages < acknowledged && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            stream = await js.GetStreamAsync(StreamPublisher.Stream(region));
        }
        var last = stream.Info.State.LastSeq;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (stream.Info.State.Messages == 0) return ids;
        var consumer = await js.CreateOrderedConsumerAsync(StreamPublisher.Stream(region));
        using var cts = new CancellationTokenSource(timeout);
        await foreach (var msg in consumer.ConsumeAsync<string>(cancellationToken: cts.Token))
        {
            if (msg.Data is { } id) ids.Add(id);
            if (msg.Metadata?.Sequence.Stream >= last) break;
        }
        return ids;
    }
}

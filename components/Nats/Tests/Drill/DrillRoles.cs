using System.Collections.Concurrent;
using Infra.Nats.Client;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Infra.Nats.Tests.Drill;

/// <summary>A member of the region-wide queue group: answers each request with the region (NATS cluster) of the server it is on.</summary>
internal sealed class Responder : IRegionalRole
{
    public const string Subject = "drill.echo";
    public const string QueueGroup = "responders";

    private readonly ConcurrentDictionary<NatsConnection, (INatsSub<string> Sub, Task Loop)> subscriptions = new();

    public async Task AttachAsync(NatsConnection connection, CancellationToken cancellationToken)
    {
        // No token for the subscription itself: cancelling one would drop what is in flight; DetachAsync drains it instead.
        var sub = await connection.SubscribeCoreAsync<string>(Subject, QueueGroup);
        var loop = Task.Run(async () =>
        {
            await foreach (var msg in sub.Msgs.ReadAllAsync())
            {
                try
                {
                    await msg.ReplyAsync(connection.ServerInfo?.Cluster ?? "?");
                }
                catch (Exception) { } // the connection went away mid-reply: the requester sees the failure
            }
        });
        subscriptions[connection] = (sub, loop);
    }

    public async Task DetachAsync(NatsConnection connection)
    {
        if (!subscriptions.TryRemove(connection, out var entry)) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try { await entry.Sub.DrainAsync(timeout.Token); } catch (Exception) { }
        await entry.Loop.WaitAsync(TimeSpan.FromSeconds(3));
    }
}

/// <summary>Sends a request every <see cref="Interval"/> on whatever connection its client holds now, never waiting for the previous one.</summary>
internal sealed class Requester(string name, string home, DrillLog log) : IRegionalRole
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<NatsConnection, int> inFlight = new();
    private readonly CancellationTokenSource stop = new();
    private volatile NatsConnection? connection;
    private Task? loop;

    public string Name => name;

    public Task AttachAsync(NatsConnection next, CancellationToken cancellationToken)
    {
        connection = next;
        loop ??= Task.Run(SendLoopAsync);
        return Task.CompletedTask;
    }

    public async Task DetachAsync(NatsConnection old)
    {
        var deadline = DateTime.UtcNow + Timeout + TimeSpan.FromMilliseconds(500);
        while (inFlight.GetValueOrDefault(old) > 0 && DateTime.UtcNow < deadline) await Task.Delay(5);
        inFlight.TryRemove(old, out _);
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        if (loop is not null) await loop;
    }

    private async Task SendLoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        var pending = new List<Task>();
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                pending.RemoveAll(t => t.IsCompleted);
                pending.Add(OneAsync(connection!));
            }
        }
        catch (OperationCanceledException) { }
        await Task.WhenAll(pending);
    }

    private async Task OneAsync(NatsConnection via)
    {
        inFlight.AddOrUpdate(via, 1, (_, n) => n + 1);
        var sent = log.Now;
        var server = via.ServerInfo?.Name;
        try
        {
            var reply = await via.RequestAsync<string, string>(Responder.Subject, name, replyOpts: new NatsSubOpts { Timeout = Timeout });
            log.Add(new RequestRecord(name, home, sent, log.Now, true, reply.Data, null) { Via = server });
        }
        catch (Exception e)
        {
            log.Add(new RequestRecord(name, home, sent, log.Now, false, null, e.GetType().Name) { Via = server });
        }
        finally
        {
            inFlight.AddOrUpdate(via, 0, (_, n) => n - 1);
        }
    }
}

/// <summary>Publishes to its region's R3 stream at a fixed pace, one publish at a time, and records every acknowledgement.</summary>
internal sealed class StreamPublisher(string region, DrillLog log) : IRegionalRole
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly CancellationTokenSource stop = new();
    private readonly SemaphoreSlim publishing = new(1, 1);
    private volatile NatsJSContext? js;
    private Task? loop;
    private long next;

    public static string Stream(string region) => $"DRILL-{region}";

    public static string Subject(string region) => $"drill.js.{region}";

    public Task AttachAsync(NatsConnection connection, CancellationToken cancellationToken)
    {
        js = new NatsJSContext(connection);
        loop ??= Task.Run(PublishLoopAsync);
        return Task.CompletedTask;
    }

    /// <summary>The one publish in flight (if any) finishes before the old connection closes.</summary>
    public async Task DetachAsync(NatsConnection connection)
    {
        await publishing.WaitAsync();
        publishing.Release();
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        if (loop is not null) await loop;
    }

    private async Task PublishLoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var id = $"{region}-{++next}";
                await publishing.WaitAsync();
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    var ack = await js!.PublishAsync(Subject(region), id, opts: new NatsJSPubOpts { MsgId = id }, cancellationToken: timeout.Token);
                    ack.EnsureSuccess();
                    log.Add(new PublishRecord(region, log.Now, id, true, ack.Seq, null));
                }
                catch (Exception e)
                {
                    log.Add(new PublishRecord(region, log.Now, id, false, 0, e.GetType().Name));
                }
                finally
                {
                    publishing.Release();
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace Infra.Nats.Tests.Drill;

/// <summary>One request: who sent it, when, whether a reply came and which region's responder gave it.</summary>
internal sealed record RequestRecord(string Client, string Home, double SentMs, double DoneMs, bool Ok, string? ServedBy, string? Error)
{
    /// <summary>The server the request was sent through.</summary>
    public string? Via { get; init; }
}

/// <summary>One JetStream publish: acknowledged (with its stream sequence) or not.</summary>
internal sealed record PublishRecord(string Region, double Ms, string MsgId, bool Acked, ulong Sequence, string? Error);

/// <summary>Something the drill did to the servers (a kill, a restart, a phase boundary), for the report and the timeline.</summary>
internal sealed record DrillEvent(double Ms, string Kind, string Label);

/// <summary>Everything the drill's clients observed, on one clock.</summary>
internal sealed class DrillLog
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<RequestRecord> requests = new();
    private readonly ConcurrentQueue<PublishRecord> publishes = new();
    private readonly ConcurrentQueue<DrillEvent> events = new();

    public double Now => clock.Elapsed.TotalMilliseconds;

    public void Add(RequestRecord record) => requests.Enqueue(record);

    public void Add(PublishRecord record) => publishes.Enqueue(record);

    public double Mark(string kind, string label)
    {
        var now = Now;
        events.Enqueue(new DrillEvent(now, kind, label));
        return now;
    }

    public IReadOnlyList<RequestRecord> Requests => requests.OrderBy(r => r.SentMs).ToList();

    public IReadOnlyList<PublishRecord> Publishes => publishes.ToList();

    public IReadOnlyList<DrillEvent> Events => events.OrderBy(e => e.Ms).ToList();
}

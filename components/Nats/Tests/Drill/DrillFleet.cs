using Infra.Nats.Client;
using Infra.Nats.Tests.Loopback;
using NATS.Client.Core;

namespace Infra.Nats.Tests.Drill;

/// <summary>The drill's clients: per region responders, requesters and a stream publisher, each a <see cref="RegionalClient"/>.</summary>
internal sealed class DrillFleet(LoopbackSuperCluster cluster, DrillLog log) : IAsyncDisposable
{
    private readonly List<(RegionalClient Client, IRegionalRole Role, string Tag)> clients = [];

    public NatsOpts BaseOptions => new()
    {
        AuthOpts = new NatsAuthOpts { Username = cluster.Spec.AppUser, Password = cluster.AppPassword },
        TlsOpts = new NatsTlsOpts { CaFile = cluster.Spec.Tls.CaFile, Mode = TlsMode.Require },
        RequestTimeout = Requester.Timeout,
    };

    public IEnumerable<RegionalClient> Clients => clients.Select(c => c.Client);

    public IEnumerable<RegionalClient> Of(string region) => clients.Where(c => c.Client.Home == region).Select(c => c.Client);

    public async Task AddAsync(string region, int responders, int requesters, bool publisher, string tag)
    {
        var urls = cluster.Generated.For(region);
        var added = new List<Task>();
        for (var i = 1; i <= responders; i++) added.Add(StartAsync($"{region}/responder-{tag}{i}", urls, new Responder(), tag));
        for (var i = 1; i <= requesters; i++)
        {
            var name = $"{region}/requester-{tag}{i}";
            added.Add(StartAsync(name, urls, new Requester(name, region, log), tag));
        }
        if (publisher) added.Add(StartAsync($"{region}/publisher-{tag}", urls, new StreamPublisher(region, log), tag));
        await Task.WhenAll(added);
    }

    private async Task StartAsync(string name, NatsClientUrls urls, IRegionalRole role, string tag)
    {
        // Seeded by the client's name, as a binary seeds by its node id: the same spread on every run.
        var client = new RegionalClient(name, urls, BaseOptions, FailbackPolicy.Default, role, new Random(StableSeed(name)));
        await client.StartAsync();
        lock (clients) clients.Add((client, role, tag));
    }

    /// <summary>Stops and closes the clients with <paramref name="tag"/>: senders first, then responders drain.</summary>
    public async Task RemoveAsync(string tag)
    {
        List<(RegionalClient Client, IRegionalRole Role, string Tag)> leaving;
        lock (clients)
        {
            leaving = clients.Where(c => c.Tag == tag).ToList();
            clients.RemoveAll(c => c.Tag == tag);
        }
        await StopSendersAsync(leaving);
        await Task.WhenAll(leaving.Select(c => c.Client.DisposeAsync().AsTask()));
    }

    public async Task StopAllSendersAsync() => await StopSendersAsync(clients);

    private static async Task StopSendersAsync(IEnumerable<(RegionalClient Client, IRegionalRole Role, string Tag)> some)
    {
        await Task.WhenAll(some.Select(c => c.Role switch
        {
            Requester r => r.StopAsync(),
            StreamPublisher p => p.StopAsync(),
            _ => Task.CompletedTask,
        }));
    }

    public async Task WaitAllHomeAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Clients.Any(c => !c.AtHome))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"clients not at home after {timeout.TotalSeconds:0} s: " +
                                           string.Join(", ", Clients.Where(c => !c.AtHome).Select(c => $"{c.Name} on {c.Region ?? "nothing"}")));
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAllSendersAsync();
        await Task.WhenAll(clients.Select(c => c.Client.DisposeAsync().AsTask()));
        clients.Clear();
    }

    private static int StableSeed(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name) hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7fffffff);
    }
}

using NATS.Client.Core;

namespace Infra.Nats.Client;

/// <summary>
/// Is the home region ready to take its clients back? A short-lived connection to the home servers only
/// must be accepted, by a server that names the home cluster, and JetStream's API must answer through it
/// (which needs that server's JetStream caught up with the super-cluster).
/// </summary>
public sealed class HomeRegionProbe(NatsClientUrls urls, NatsOpts options, Random random)
{
    public const string JetStreamInfoSubject = "$JS.API.INFO";

    public async Task<bool> HomeAnswersAsync(CancellationToken cancellationToken)
    {
        var probeOptions = options with
        {
            Url = string.Join(",", urls.Groups[0].Urls.OrderBy(_ => random.Next())),
            Name = $"{options.Name} home probe",
            NoRandomize = true,
            RetryOnInitialConnect = false,
            MaxReconnectRetry = 0,
            ConnectTimeout = RegionConnectPolicy.ConnectTimeout,
        };
        await using var probe = new NatsConnection(probeOptions);
        try
        {
            await probe.ConnectAsync();
            if (probe.ServerInfo?.Cluster != urls.Region) return false;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(RegionConnectPolicy.ConnectTimeout);
            var reply = await probe.RequestAsync<string?, string>(JetStreamInfoSubject, null,
                replyOpts: new NatsSubOpts { Timeout = RegionConnectPolicy.ConnectTimeout }, cancellationToken: timeout.Token);
            return reply.Data is { } data && !data.Contains("\"error\"", StringComparison.Ordinal);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

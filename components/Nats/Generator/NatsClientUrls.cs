using Infra.Platform.Binary;

namespace Infra.Nats;

/// <summary>The client URLs of one region, in the order a client there tries them: its own region, then the others nearest first.</summary>
public sealed record NatsClientUrls(string Region, IReadOnlyList<NatsRegionUrls> Groups)
{
    /// <summary>Every URL in order, own region first: the stack output and a plain client's server list.</summary>
    public IReadOnlyList<string> Flat => Groups.SelectMany(g => g.Urls).ToList();

    public override string ToString() => string.Join(",", Flat);

    /// <summary>What a server in this region tells the platform binary (PLATFORM_NATS_*); the password is the construct's reference.</summary>
    public BinaryMessaging ForBinary(string user, string caFile) =>
        new(Groups.Select(g => new MessagingRegion(g.Region, g.Urls)).ToList(), user, caFile);
}

/// <summary>One region's client URLs (servers by name). A client shuffles within a group and keeps the groups' order.</summary>
public sealed record NatsRegionUrls(string Region, IReadOnlyList<string> Urls);

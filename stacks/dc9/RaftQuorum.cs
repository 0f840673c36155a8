using System.Globalization;

namespace Infra.Stacks.Dc9;

/// <summary>
/// The rules a dc9 fleet keeps so that its RAFT store has no single point of failure. Every server is a
/// peer of the one RAFT cluster (the peer table lists them all), and a RAFT cluster works while a
/// majority of its peers is up. So:
/// <list type="bullet">
/// <item>at least 3 peers and an odd number of them: an even number tolerates no more failures than one
/// peer fewer (4 peers need 3 up, so survive one failure, as 3 peers do), and a split into two halves
/// leaves neither with a majority;</item>
/// <item>no AZ holds half of the peers or more: the loss of any one AZ leaves a majority.</item>
/// </list>
/// These hold whether <c>infra:placement</c> is set or its default (3 servers per Service) applies.
/// </summary>
public static class RaftQuorum
{
    public const int MinimumPeers = 3;

    /// <summary>The peers one AZ may hold out of <paramref name="peers"/> (odd): fewer than half.</summary>
    public static int MaxPerZone(int peers) => (peers - 1) / 2;

    /// <summary>True when the peer count is odd and at least <see cref="MinimumPeers"/>.</summary>
    public static bool IsValidCount(int peers) => peers >= MinimumPeers && peers % 2 == 1;

    /// <summary>The AZ (index) holding too many peers and the peers it holds, or null when every AZ is within <see cref="MaxPerZone"/>.</summary>
    public static (int Zone, IReadOnlyList<string> Peers)? CrowdedZone(IReadOnlyList<Dc9Placement.PlacedServer> servers)
    {
        var limit = MaxPerZone(servers.Count);
        var crowded = servers.GroupBy(s => s.AzIndex).Where(g => g.Count() > limit).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault();
        return crowded is null ? null : (crowded.Key, crowded.Select(s => s.Name).ToList());
    }

    /// <summary>True when <paramref name="servers"/> keep every rule above.</summary>
    public static bool Holds(IReadOnlyList<Dc9Placement.PlacedServer> servers) =>
        IsValidCount(servers.Count) && CrowdedZone(servers) is null;

    /// <summary>"the first AZ" for index 0: how messages name a server AZ.</summary>
    public static string ZoneName(int index) => index switch
    {
        0 => "the first AZ",
        1 => "the second AZ",
        2 => "the third AZ",
        _ => $"AZ index {index.ToString(CultureInfo.InvariantCulture)}",
    };
}

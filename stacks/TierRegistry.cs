using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Stacks.Dc9;
using Infra.Stacks.Global;
using Infra.Stacks.Laptop;
using Infra.Stacks.OnPrem3;

namespace Infra.Stacks;

/// <summary>The tiers that can be synthesized today. A tier not listed here fails with "not available yet".</summary>
public static class TierRegistry
{
    public static readonly IReadOnlyList<ITier> Available =
    [
        new LaptopTier(),
        new OnPrem3Tier(),
        new Dc9Tier(),
        new GlobalTier(),
    ];

    public static ITier? Find(Tier tier) => Available.FirstOrDefault(t => t.Tier == tier);

    /// <summary>
    /// The documented groups of keys: the common ones, then each tier's own (none for a tier not available yet);
    /// only the common ones and <paramref name="tier"/>'s when it is given.
    /// </summary>
    public static IReadOnlyList<ConfigKeyGroup> KeyGroups(Tier? tier = null) =>
    [
        new(ConfigKeyGroup.Common, CommonKeys.All),
        .. TierShape.All.Where(s => tier is null ? Find(s.Tier) is not null : s.Tier == tier)
            .Select(s => new ConfigKeyGroup(s.Name, Find(s.Tier)?.Keys.Except(CommonKeys.All).ToList() ?? [])),
    ];

    /// <summary>Keys of every available tier: a key known elsewhere is "not used by this tier", not "unknown".</summary>
    public static IReadOnlyCollection<string> AllKeyNames =>
        Available.SelectMany(t => t.Keys).Select(k => k.FullName).ToHashSet(StringComparer.Ordinal);
}

using Infra.Platform;

namespace Infra.Policies;

/// <summary>
/// What the pack expects of each tier by default: the instance types its cost guard allows (a stack
/// may override them with <c>infra:allowedInstanceTypes</c>) and whether its dev stacks must carry an
/// <c>expiry</c> tag (tiers that cost money while idle, torn down on a schedule).
/// </summary>
public sealed record TierPolicyProfile(Tier Tier, IReadOnlyList<string> InstanceTypes, bool ExpiryOnDev)
{
    public static readonly IReadOnlyList<TierPolicyProfile> All =
    [
        // Docker tiers run no cloud instances: any EC2 instance in them is a mistake.
        new(Tier.Laptop, [], false),
        new(Tier.OnPrem3, [], false),
        new(Tier.Dc9, ["t3.*", "t3a.*", "m6i.large", "m6i.xlarge", "m7i.large", "m7i.xlarge", "r6i.large", "r7i.large"], true),
        new(Tier.Global, ["t3.*", "t3a.*", "m6i.large", "m6i.xlarge", "m6i.2xlarge", "m7i.large", "m7i.xlarge", "m7i.2xlarge"], true),
    ];

    public static TierPolicyProfile For(Tier tier)
    {
        // A loop, not LINQ: HYG-002 asks this for every resource of a dev stack (PolicyContext.Profile).
        foreach (var profile in All)
            if (profile.Tier == tier) return profile;
        throw new InvalidOperationException($"No policy profile for the {tier} tier.");
    }

    /// <summary>Exact names, or a family wildcard such as <c>t3.*</c>.</summary>
    public static bool Allows(IReadOnlyList<string> allowed, string instanceType) =>
        allowed.Any(a => a == instanceType || (a.EndsWith(".*", StringComparison.Ordinal) &&
                                               instanceType.StartsWith(a[..^1], StringComparison.Ordinal)));
}

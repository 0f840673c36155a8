using Infra.Platform;
using Infra.Platform.Configuration;

namespace Infra.Policies.Exemptions;

/// <summary>The pack's per-stack settings: exemptions and the cost guard's instance types.</summary>
public sealed record PolicyConfig(IReadOnlyList<PolicyExemption> Exemptions, IReadOnlyList<string> AllowedInstanceTypes)
{
    public static PolicyConfig Defaults(Tier tier) => new([], TierPolicyProfile.For(tier).InstanceTypes);

    /// <summary>
    /// Reads both keys, reporting problems to <paramref name="config"/> (they fail synthesis with the
    /// other config errors).
    /// </summary>
    public static PolicyConfig Read(ConfigReader config, bool production)
    {
        var known = config.Keys.ToHashSet();
        var defaults = Defaults(config.Tier ?? throw new InvalidOperationException("The policy settings are read for a tier."));
        var list = known.Contains(CommonKeys.PolicyExemptions)
            ? ExemptionReader.Check(config.Get(CommonKeys.PolicyExemptions) ?? [], PolicyPack.All, production)
            : [];
        var types = known.Contains(CommonKeys.AllowedInstanceTypes)
            ? config.Get(CommonKeys.AllowedInstanceTypes) ?? defaults.AllowedInstanceTypes
            : defaults.AllowedInstanceTypes;
        return new PolicyConfig(list, types);
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Infra.Platform;
using Infra.Platform.Configuration;

namespace Infra.Policies.Exemptions;

/// <summary>The pack's per-stack settings: exemptions and the cost guard's instance types.</summary>
public sealed partial record PolicyConfig(IReadOnlyList<PolicyExemption> Exemptions, IReadOnlyList<string> AllowedInstanceTypes)
{
    [GeneratedRegex(@"^[a-z][a-z0-9-]*\.([a-z0-9]+|\*)$")]
    private static partial Regex InstanceType();

    public static PolicyConfig Defaults(Tier tier) => new([], TierPolicyProfile.For(tier).InstanceTypes);

    /// <summary>
    /// Reads both keys, reporting problems to <paramref name="config"/> (they fail synthesis with the
    /// other config errors). <paramref name="exemptions"/> is the raw value of infra:policyExemptions:
    /// a list of objects, which <see cref="ConfigReader"/> has no typed reader for.
    /// </summary>
    public static PolicyConfig Read(ConfigReader config, JsonNode? exemptions, bool production)
    {
        var known = config.Keys.Select(k => k.FullName).ToHashSet(StringComparer.Ordinal);
        var defaults = Defaults(config.Tier);
        var list = known.Contains(CommonKeys.PolicyExemptions.FullName)
            ? ExemptionReader.Read(exemptions, config, PolicyPack.All, production)
            : [];
        var types = defaults.AllowedInstanceTypes;
        if (known.Contains(CommonKeys.AllowedInstanceTypes.FullName))
        {
            types = config.StringList(CommonKeys.AllowedInstanceTypes, defaults.AllowedInstanceTypes);
            foreach (var type in types.Where(t => !InstanceType().IsMatch(t)))
                config.Report(CommonKeys.AllowedInstanceTypes, type, "is not an instance type or family.");
        }
        return new PolicyConfig(list, types);
    }
}

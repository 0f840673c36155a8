using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Synthesis;

namespace Infra.Policies;

/// <summary>What a policy sees: the synthesized program, who the stack is, and the pack's per-stack settings.</summary>
public sealed record PolicyContext(Blueprint Blueprint, StackIdentity Identity, IReadOnlyList<string> AllowedInstanceTypes)
{
    public PlatformSettings Settings => Identity.Settings;

    public DeploymentEnvironment Environment => Settings.Environment;

    public bool IsProduction => Environment == DeploymentEnvironment.Production;

    public bool IsDev => Environment == DeploymentEnvironment.Dev;

    public TierPolicyProfile Profile => TierPolicyProfile.For(Identity.Tier);

    /// <summary>A context with the tier's default cost guard (no <c>infra:allowedInstanceTypes</c> override).</summary>
    public static PolicyContext WithDefaults(Blueprint blueprint, StackIdentity identity) =>
        new(blueprint, identity, TierPolicyProfile.For(identity.Tier).InstanceTypes);
}

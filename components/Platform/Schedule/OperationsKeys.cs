using Infra.Platform.Configuration;

namespace Infra.Platform.Schedule;

/// <summary>
/// The keys CI acts on (<c>infra:schedule</c>, <c>infra:deployOnPush</c>), bound at synthesis by the very
/// declarations <c>infra schedule</c> binds: a bad schedule fails `infra plan` and the pull request, not the
/// hourly workflow after it is merged.
/// </summary>
public static class OperationsKeys
{
    /// <summary>The keys the operations commands read from a stack file.</summary>
    public static readonly IReadOnlyList<ConfigKey> All = [CommonKeys.Tier, CommonKeys.Environment, CommonKeys.Schedule, CommonKeys.DeployOnPush];

    public static void Validate(ConfigReader config)
    {
        var keys = config.Keys.ToHashSet();
        if (keys.Contains(CommonKeys.DeployOnPush)) config.Get(CommonKeys.DeployOnPush);
        if (keys.Contains(CommonKeys.Schedule)) config.Get(CommonKeys.Schedule);
    }
}

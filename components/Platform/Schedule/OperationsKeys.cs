using Infra.Platform.Configuration;

namespace Infra.Platform.Schedule;

/// <summary>
/// The keys CI acts on (<c>infra:schedule</c>, <c>infra:deployOnPush</c>), checked at synthesis with the
/// very rules <c>infra schedule</c> applies: a bad schedule fails `infra plan` and the pull request, not
/// the hourly workflow after it is merged.
/// </summary>
public static class OperationsKeys
{
    public static void Validate(ConfigReader config)
    {
        var keys = config.Keys.ToHashSet();
        if (keys.Contains(CommonKeys.DeployOnPush)) config.Boolean(CommonKeys.DeployOnPush, false);
        if (!keys.Contains(CommonKeys.Schedule) || config.Object(CommonKeys.Schedule) is not { } schedule) return;
        try
        {
            // JSON is YAML: the object goes through the same parser as the stack file's YAML.
            ScheduleSettings.Parse(schedule.ToJsonString());
        }
        catch (ScheduleConfigException e)
        {
            config.Report(new ConfigError(e.Key ?? CommonKeys.Schedule.FullName, null, e.Problem, null));
        }
    }
}

using Infra.Platform;
using Infra.Operations.Schedule;
using Infra.Platform.Configuration;

namespace Infra.Operations.Cost;

/// <summary>The hours a stack is up, read from its <c>Pulumi.STACK.yaml</c> as <c>infra schedule</c> reads it.</summary>
public static class StackSchedule
{
    /// <summary>
    /// Production: always on. A dev or staging stack with <c>infra:schedule</c>: its weekly hours. One without:
    /// always on, with the saving the example schedule would bring shown instead (so the estimate says what a schedule is worth).
    /// </summary>
    /// <exception cref="ConfigException">The schedule or the environment is invalid (the same errors as <c>infra schedule</c>).</exception>
    public static ScheduleHours Read(string projectRoot, string stack)
    {
        var config = StackConfigFile.Load(projectRoot, stack);
        if (config.Environment == DeploymentEnvironment.Production) return ScheduleHours.Of(null, production: true);
        return config.Schedule is { } schedule
            ? ScheduleHours.Of(schedule, production: false)
            : ScheduleHours.Of(ScheduleHours.Example, production: false, isExample: true);
    }

}

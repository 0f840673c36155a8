using Infra.Platform.Configuration;

namespace Infra.Operations.Schedule;

/// <summary>A stack's environment as the operations commands read it from <c>Pulumi.STACK.yaml</c>.</summary>
public static class StackEnvironments
{
    public const string ConfigKey = ProductionRule.Key;

    /// <summary>
    /// The environment by the one rule synthesis and the policy pack use (<see cref="ProductionRule"/>);
    /// a value the rule refuses is an error here too, so schedule and destroy never act on it.
    /// </summary>
    public static DeploymentEnvironment Resolve(string stack, string? configured)
    {
        var decision = ProductionRule.Decide(stack, configured);
        if (decision.IsRefused) throw new ScheduleConfigException(decision.Message!);
        return decision.Environment;
    }
}

namespace Infra.Operations.Schedule;

/// <summary>The kind of environment a stack is (stack config key <c>infra:environment</c>).</summary>
public enum StackEnvironment
{
    Dev,
    Staging,
    Production,
}

public static class StackEnvironments
{
    public const string ConfigKey = "infra:environment";

    /// <summary>
    /// The configured environment, or when none is configured a guess from the stack name that errs
    /// towards production: a stack called "prod-eu" is never torn down because a key was forgotten.
    /// </summary>
    public static StackEnvironment Resolve(string stack, string? configured)
    {
        if (configured is null)
        {
            return stack.Contains("prod", StringComparison.OrdinalIgnoreCase) ? StackEnvironment.Production : StackEnvironment.Dev;
        }
        return configured.Trim().ToLowerInvariant() switch
        {
            "dev" or "development" => StackEnvironment.Dev,
            "staging" => StackEnvironment.Staging,
            "production" or "prod" => StackEnvironment.Production,
            _ => throw new ScheduleConfigException(
                $"{ConfigKey}: '{configured}' is not an environment; use one of dev, staging, production " +
                $"(pulumi config set {ConfigKey} dev --stack {stack})."),
        };
    }
}

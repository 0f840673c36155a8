using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Platform.Schedule;

namespace Infra.Operations;

/// <summary>
/// The keys the operations commands act on (<see cref="OperationsKeys"/>), read from a stack's settings file
/// <c>Pulumi.STACK.yaml</c> directly, so that the scheduler and the destroy guard work without the Pulumi CLI and
/// without credentials. The file is read and the keys are bound exactly as synthesis reads them (one YAML reader,
/// one declaration per key), and every problem is reported at once (<see cref="ConfigException"/>). Secret
/// values stay encrypted: only plain keys are read.
/// </summary>
public sealed class StackConfigFile
{
    private StackConfigFile(string path, string? tier, DeploymentEnvironment environment, ScheduleSettings? schedule, bool deployOnPush)
    {
        Path = path;
        Tier = tier;
        Environment = environment;
        Schedule = schedule;
        DeployOnPush = deployOnPush;
    }

    public string Path { get; }

    public bool Exists => File.Exists(Path);

    /// <summary><c>infra:tier</c> as set; null when unset (the stack name is the tier).</summary>
    public string? Tier { get; }

    /// <summary>The stack's environment by the one production rule (<see cref="ProductionRule"/>).</summary>
    public DeploymentEnvironment Environment { get; }

    /// <summary><c>infra:schedule</c>; null when the stack has none.</summary>
    public ScheduleSettings? Schedule { get; }

    public bool DeployOnPush { get; }

    /// <summary>Loads <c>Pulumi.STACK.yaml</c> from the project root; a missing file reads as an empty config.</summary>
    /// <exception cref="InvalidDataException">The stack name is not one Pulumi accepts.</exception>
    /// <exception cref="ConfigException">The file or one of the keys is invalid; the message lists every problem.</exception>
    public static StackConfigFile Load(string projectRoot, string stack)
    {
        // The name becomes a file name: "../x" or "a b" must never pick some other file.
        if (StackName.Problem(stack) is { } problem)
            throw new InvalidDataException($"stack name '{StackName.Printable(stack)}' {problem}. {StackName.Rule}.");
        stack = StackName.Short(stack);
        var path = System.IO.Path.Combine(projectRoot, $"Pulumi.{stack}.yaml");
        ConfigSource source;
        try
        {
            source = File.Exists(path) ? ConfigSource.FromStackFile(path) : ConfigSource.Empty(System.IO.Path.GetFileName(path));
        }
        catch (ConfigSourceException e)
        {
            throw new ConfigException(stack, System.IO.Path.GetFileName(path), e.Errors);
        }
        var config = new ConfigReader(source, stack, null, OperationsKeys.All);
        var tier = config.IsSet(CommonKeys.Tier) ? config.Get(CommonKeys.Tier) : null;
        var environment = PlatformSettings.ReadEnvironment(config);
        var schedule = config.Get(CommonKeys.Schedule);
        var deployOnPush = config.Get(CommonKeys.DeployOnPush);
        config.ThrowIfInvalid();
        return new StackConfigFile(path, tier, environment, schedule, deployOnPush);
    }
}

namespace Infra.Platform.Configuration;

/// <summary>Where binding problems go: a stack's <see cref="ConfigReader"/>, or a plain list.</summary>
public interface IConfigProblems
{
    void Report(ConfigError error);
}

/// <summary>
/// Where a value being bound sits, <c>infra:schedule.timeZone</c> or <c>infra:policyExemptions[2].reason</c>,
/// and where its problems go. A problem quotes the value only when the key is declared non-secret.
/// </summary>
public readonly record struct ConfigAt(ConfigKey Key, string Path, string Allowed, IConfigProblems Problems)
{
    public static ConfigAt Of(ConfigKey key, IConfigProblems problems) => new(key, "", key.Allowed, problems);

    /// <summary>The name messages use: the key and the path inside its value.</summary>
    public string Name => Key.FullName + Path;

    public ConfigAt Field(ConfigField field) => this with { Path = $"{Path}.{field.Name}", Allowed = field.Allowed };

    /// <summary>A field that is not declared (an unknown one), or a field named by a rule spanning fields.</summary>
    public ConfigAt Field(string name, string allowed) => this with { Path = $"{Path}.{name}", Allowed = allowed };

    public ConfigAt Item(int index, string allowed) => this with { Path = $"{Path}[{index}]", Allowed = allowed };

    /// <param name="value">The offending value; dropped for a key whose value may be secret.</param>
    public void Fail(string? value, string problem, string? allowed = null) =>
        Problems.Report(new ConfigError(Name, Key.ShowsValue ? value : null, problem, allowed ?? Allowed));
}

/// <summary>Problems collected in a list, for binding outside a stack (a value parsed on its own).</summary>
public sealed class ConfigProblemList : IConfigProblems
{
    private readonly List<ConfigError> errors = [];

    public IReadOnlyList<ConfigError> Errors => errors;

    public void Report(ConfigError error) => errors.Add(error);
}

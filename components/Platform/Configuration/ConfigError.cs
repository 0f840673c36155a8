namespace Infra.Platform.Configuration;

/// <summary>How a config problem is fixed; each kind gets its own closing line under the list of problems.</summary>
public enum ConfigFix
{
    /// <summary>A key's value: <c>pulumi config set</c> / <c>pulumi config rm</c>, or the stack file.</summary>
    SetKey,
    /// <summary>The stack file itself (YAML syntax, its layout): only an editor can repair it.</summary>
    EditStackFile,
    /// <summary>The <c>PULUMI_CONFIG</c> variable, which Pulumi writes and a person may have set by hand.</summary>
    PulumiConfig,
    /// <summary>The stack's name, which no config key changes.</summary>
    RenameStack,
}

/// <summary>
/// One problem with one config key: the key, the offending value, what is wrong, what is allowed.
/// <see cref="Value"/> is only ever a value the suite declares non-secret (see <see cref="ConfigReader"/>).
/// </summary>
public sealed record ConfigError(string Key, string? Value, string Problem, string? Allowed)
{
    public ConfigFix Fix { get; init; } = ConfigFix.SetKey;

    public string Render()
    {
        var value = Value is null ? "" : $" = {Quote(Value)}";
        var allowed = Allowed is null ? "" : $" Allowed: {Allowed}.";
        return $"{Key}{value}: {Problem}{allowed}";
    }

    private static string Quote(string value) => value.Length > 80 ? $"\"{value[..77]}...\"" : $"\"{value}\"";
}

/// <summary>Every config problem of a stack at once, so one run shows the user all there is to fix.</summary>
public sealed class ConfigException(string stack, string origin, IReadOnlyList<ConfigError> errors)
    : Exception(Format(stack, origin, errors))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;

    private static string Format(string stack, string origin, IReadOnlyList<ConfigError> errors)
    {
        var noun = errors.Count == 1 ? "problem" : "problems";
        var lines = errors.Select(e => "  - " + e.Render());
        var fixes = errors.Select(e => e.Fix).Distinct().Order().Select(fix => HowToFix(fix, stack, origin));
        return $"Invalid configuration for stack '{stack}' ({origin}), {errors.Count} {noun}:\n" +
               string.Join("\n", lines) + "\n" + string.Join("\n", fixes);
    }

    private static string HowToFix(ConfigFix fix, string stack, string origin) => fix switch
    {
        ConfigFix.EditStackFile =>
            $"Fix {origin} in an editor (`pulumi config` cannot change a file it cannot read): a YAML mapping whose " +
            "`config:` section maps keys such as infra:tier to values.",
        ConfigFix.PulumiConfig =>
            "PULUMI_CONFIG is the JSON object of the stack's config that Pulumi hands its compiler. If you set it " +
            $"yourself, make it one JSON object of \"namespace:key\": \"value\" pairs, each key once; or unset it and " +
            $"infra reads Pulumi.{stack}.yaml.",
        ConfigFix.RenameStack =>
            $"A stack's name is not config: rename the stack (`pulumi stack rename NEW --stack {stack}`, which renames " +
            $"Pulumi.{stack}.yaml too) or create one with a valid name and `pulumi config cp`.",
        _ => $"Fix with `pulumi config set KEY VALUE --stack {stack}` (or `pulumi config rm KEY`), or edit Pulumi.{stack}.yaml.",
    };
}

/// <summary>A stack's config could not be read at all (a broken stack file or PULUMI_CONFIG).</summary>
public sealed class ConfigSourceException(IReadOnlyList<ConfigError> errors)
    : Exception(string.Join("; ", errors.Select(e => e.Render())))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}

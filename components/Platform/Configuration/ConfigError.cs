namespace Infra.Platform.Configuration;

/// <summary>One problem with one config key: the key, the offending value, what is wrong, what is allowed.</summary>
public sealed record ConfigError(string Key, string? Value, string Problem, string? Allowed)
{
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
        return $"Invalid configuration for stack '{stack}' ({origin}), {errors.Count} {noun}:\n" +
               string.Join("\n", lines) + "\n" +
               $"Fix with `pulumi config set KEY VALUE --stack {stack}` (or `pulumi config rm KEY`), or edit Pulumi.{stack}.yaml.";
    }
}

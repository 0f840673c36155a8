namespace Infra.Platform.Configuration;

/// <summary>The shape a config value must have.</summary>
public enum ConfigKind
{
    String,
    Integer,
    Boolean,
    StringList,
    Object,
    /// <summary>Read by Pulumi at deployment only; the synthesizer never copies its value.</summary>
    Secret,
}

/// <summary>
/// A stack config key the suite understands (<c>infra:NAME</c>): its kind, what it does and what
/// values it allows, so help texts and error messages come from one place.
/// </summary>
public sealed record ConfigKey(string Name, ConfigKind Kind, string Description, string Allowed)
{
    public const string Namespace = "infra";

    public string FullName => $"{Namespace}:{Name}";

    /// <summary>Whether an error may quote this key's value: only a key declared non-secret.</summary>
    public bool ShowsValue => Kind != ConfigKind.Secret;

    public override string ToString() => FullName;
}

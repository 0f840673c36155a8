namespace Infra.Platform.Configuration;

/// <summary>The shape a config value must have.</summary>
public enum ConfigKind
{
    String,
    Integer,
    Boolean,
    StringList,
    Object,
    ObjectList,
    /// <summary>Read by Pulumi at deployment only; the synthesizer never copies its value.</summary>
    Secret,
}

/// <summary>
/// A stack config key the suite understands (<c>infra:NAME</c>), declared once: its type, default, allowed
/// values, description and whether it is secret. Reading (<see cref="ConfigReader.Get{T}"/>), error messages,
/// <c>infra config keys</c> and the README tables all come from this declaration.
/// </summary>
public abstract class ConfigKey : ConfigSetting
{
    public const string Namespace = "infra";

    private protected ConfigKey(string name, ConfigShape shape, string description) : base(name, shape, description) { }

    public string FullName => $"{Namespace}:{Name}";

    /// <summary>Whether the value may span lines (free text such as an exemption's reason); every other value is single-line.</summary>
    public bool AllowsLineBreaks { get; init; }

    public bool IsSecret => Kind == ConfigKind.Secret;

    /// <summary>Whether an error may quote this key's value: only a key declared non-secret.</summary>
    public bool ShowsValue => !IsSecret;

    public override string ToString() => FullName;

    /// <summary>A secret key: Pulumi reads it at deployment; the suite only checks that it is set, and stored encrypted.</summary>
    public static ConfigKey<string?> Secret(string name, string description) =>
        new(name, ConfigShapes.Secret, null, description) { Allowed = $"a secret: pulumi config set --secret {Namespace}:{name} VALUE" };
}

/// <summary>A config key whose value binds to a <typeparamref name="T"/>, <see cref="Default"/> when unset.</summary>
public sealed class ConfigKey<T>(string name, ConfigShape<T> shape, T defaultValue, string description)
    : ConfigKey(name, shape, description)
{
    public new ConfigShape<T> Shape { get; } = shape;

    public T Default { get; } = defaultValue;

    protected override string DescribeDefault() => Shape.Describe(Default);
}

namespace Infra.Platform.Configuration;

/// <summary>
/// What a config key and a field inside an object value have in common: a name, a type (its
/// <see cref="ConfigShape"/>), a default or "required", the allowed values and a description.
/// </summary>
public abstract class ConfigSetting
{
    private readonly string? allowed;
    private readonly string? defaultText;

    private protected ConfigSetting(string name, ConfigShape shape, string description)
    {
        Name = name;
        Shape = shape;
        Description = description;
    }

    public string Name { get; }

    public ConfigShape Shape { get; }

    public string Description { get; }

    public ConfigKind Kind => Shape.Kind;

    /// <summary>What values are allowed, for messages and docs; the type's own wording unless declared.</summary>
    public string Allowed { get => allowed ?? Shape.Allowed; init => allowed = value; }

    /// <summary>An unset required setting is an error (<see cref="RequiredProblem"/>).</summary>
    public bool Required { get; init; }

    /// <summary>Why a required setting is needed, said after "is required and not set".</summary>
    public string? RequiredWhy { get; init; }

    public string RequiredProblem => RequiredWhy is null ? "is required and not set." : $"is required and not set: {RequiredWhy}.";

    /// <summary>The default as the docs show it: declared words (a default computed from other keys), "required", or the value.</summary>
    public string DefaultText { get => defaultText ?? (Required ? "required" : DescribeDefault()); init => defaultText = value; }

    /// <summary>Whether <see cref="DefaultText"/> is a value (shown as code in the docs) rather than words.</summary>
    public bool DefaultIsValue => defaultText is null && !Required;

    protected abstract string DescribeDefault();
}

namespace Infra.Platform.Configuration;

/// <summary>A field of an object value (<c>timeZone</c> of <c>infra:schedule</c>), declared like a key.</summary>
public abstract class ConfigField(string name, ConfigShape shape, string description) : ConfigSetting(name, shape, description)
{
    /// <summary>Binds the field's value (present in the object) at <paramref name="at"/>; null when a problem was reported.</summary>
    internal abstract bool TryBind(System.Text.Json.Nodes.JsonNode? node, ConfigAt at, out object? value);

    internal abstract object? DefaultValue { get; }
}

/// <summary>A field whose value binds to a <typeparamref name="T"/>, <see cref="Default"/> when absent.</summary>
public sealed class ConfigField<T>(string name, ConfigShape<T> shape, T defaultValue, string description)
    : ConfigField(name, shape, description)
{
    public new ConfigShape<T> Shape { get; } = shape;

    public T Default { get; } = defaultValue;

    internal override object? DefaultValue => Default;

    internal override bool TryBind(System.Text.Json.Nodes.JsonNode? node, ConfigAt at, out object? value)
    {
        var ok = Shape.TryBind(node, at, out var bound);
        value = bound;
        return ok;
    }

    protected override string DescribeDefault() => Shape.Describe(Default);
}

namespace Infra.Platform.Configuration;

/// <summary>The bound fields of one object value, each its value or its default when absent.</summary>
public sealed class ConfigFieldValues
{
    private readonly Dictionary<ConfigField, object?> values = [];
    private readonly HashSet<ConfigField> present = [];

    internal void Set(ConfigField field, object? value, bool isPresent)
    {
        values[field] = value;
        if (isPresent) present.Add(field);
    }

    public T Get<T>(ConfigField<T> field) =>
        values.TryGetValue(field, out var value) ? (T)value! : throw new InvalidOperationException($"{field.Name} is not a field of this object.");

    /// <summary>Whether the object gave the field (rather than its default applying).</summary>
    public bool IsSet(ConfigField field) => present.Contains(field);
}

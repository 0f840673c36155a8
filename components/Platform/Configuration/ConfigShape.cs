using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration;

/// <summary>
/// A config value's type: how a value (a stack key's, or a field's inside an object) is checked and turned
/// into a typed one, and how the docs describe it. The shapes are in <see cref="ConfigShapes"/>.
/// </summary>
public abstract class ConfigShape
{
    public abstract ConfigKind Kind { get; }

    /// <summary>The type as the docs name it: <c>integer</c>, <c>list of strings</c>, <c>object</c>...</summary>
    public abstract string TypeName { get; }

    /// <summary>What values are allowed, unless the key or field declares its own words.</summary>
    public abstract string Allowed { get; }

    /// <summary>The fields of an object (or of each object in a list), for the docs; empty otherwise.</summary>
    public virtual IReadOnlyList<ConfigField> Fields => [];

    /// <summary>How the docs name one item between the key and a field: <c>[]</c> for a list, <c>.NAME</c> for a map.</summary>
    public virtual string ItemPath => "";

    /// <summary>Lists and objects may arrive as JSON text: PULUMI_CONFIG carries structured values as strings.</summary>
    public bool IsStructured => Kind is ConfigKind.StringList or ConfigKind.Object or ConfigKind.ObjectList;

    /// <summary>A value as written, for messages: a string as it is, anything else as JSON.</summary>
    public static string Display(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    /// <summary>The text of a single value (a string, number or boolean); null for a list, an object or nothing.</summary>
    public static string? ScalarText(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };
}

/// <summary>A type whose values bind to <typeparamref name="T"/>.</summary>
public abstract class ConfigShape<T> : ConfigShape
{
    /// <summary>Checks and converts <paramref name="node"/>; false after reporting every problem to <paramref name="at"/>.</summary>
    public abstract bool TryBind(JsonNode? node, ConfigAt at, out T value);

    /// <summary>A value as the docs show it (a default).</summary>
    public virtual string Describe(T value) => value switch
    {
        null => "—",
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "—",
    };
}

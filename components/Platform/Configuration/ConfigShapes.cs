using System.Text.RegularExpressions;
using Infra.Platform.Configuration.Shapes;

namespace Infra.Platform.Configuration;

/// <summary>The config value types a key or field is declared with.</summary>
public static class ConfigShapes
{
    /// <summary>A single string; <paramref name="check"/> returns what is wrong with a value, or null.</summary>
    public static ConfigShape<string> Text(string allowed, Func<string, string?>? check = null) => new TextShape(allowed, check);

    /// <summary>A single string matching <paramref name="pattern"/>, else <paramref name="problem"/>.</summary>
    public static ConfigShape<string> Pattern(Regex pattern, string problem, string allowed) =>
        new TextShape(allowed, v => pattern.IsMatch(v) ? null : problem);

    /// <summary>One of <paramref name="values"/>, exactly as written.</summary>
    public static ConfigShape<string> OneOf(string problem, params string[] values) => new OneOfShape(values, problem);

    /// <summary>The lower-case name of one of <typeparamref name="TEnum"/>'s members.</summary>
    public static ConfigShape<TEnum> Enum<TEnum>() where TEnum : struct, Enum => new EnumShape<TEnum>();

    /// <summary>A single value read by <paramref name="parse"/>, which returns what is wrong, or null.</summary>
    public static ConfigShape<T> Parsed<T>(string typeName, string allowed, TryParse<T> parse) => new ParsedShape<T>(typeName, allowed, parse);

    public static ConfigShape<int> Integer(int min, int max) => new IntegerShape(min, max);

    public static ConfigShape<int> Port { get; } = new IntegerShape(1, 65535, "a port from 1 to 65535");

    public static ConfigShape<bool> Boolean { get; } = new BooleanShape();

    /// <summary>A list of strings; <paramref name="item"/> checks each, reporting the item as the value.</summary>
    public static ConfigShape<IReadOnlyList<string>?> StringList(string allowed, bool allowEmpty = false, Func<string, string?>? item = null) =>
        new StringListShape(allowed, allowEmpty, item);

    /// <summary>
    /// An object with declared fields, built by <paramref name="build"/> once every field is valid. With a
    /// <paramref name="shorthand"/> field, a single value stands for the object with that field alone.
    /// </summary>
    public static ConfigShape<T?> Object<T>(string allowed, IReadOnlyList<ConfigField> fields, Func<ConfigFieldValues, ConfigAt, T?> build,
        ConfigField? shorthand = null) where T : class => new ObjectShape<T>(allowed, fields, build, shorthand);

    /// <summary>A list whose items each have the shape <paramref name="item"/> (a list of objects, typically).</summary>
    public static ConfigShape<IReadOnlyList<T>?> List<T>(string allowed, ConfigShape<T?> item) where T : class =>
        // T? and T are one runtime type for a reference type; failed items are left out, so none is null.
        (ConfigShape<IReadOnlyList<T>?>)(object)new ListShape<T?>(allowed, item);

    /// <summary>A list of single values (dates, times).</summary>
    public static ConfigShape<IReadOnlyList<T>?> ValueList<T>(string allowed, ConfigShape<T> item) where T : struct =>
        new ListShape<T>(allowed, item);

    /// <summary>An object of entries named by the user (<paramref name="nameCheck"/> checks a name), each of the shape <paramref name="entry"/>.</summary>
    public static ConfigShape<IReadOnlyList<KeyValuePair<string, T>>?> Map<T>(string allowed, string nameAllowed, Func<string, string?> nameCheck,
        ConfigShape<T?> entry) where T : class => new MapShape<T>(allowed, nameAllowed, nameCheck, entry);

    /// <summary>A secret: never read, only checked for presence and encryption (<see cref="ConfigReader.Secret"/>).</summary>
    public static ConfigShape<string?> Secret { get; } = new SecretShape();
}

/// <summary>Parses <paramref name="text"/>; returns what is wrong with it (worded to follow the name and value), or null.</summary>
public delegate string? TryParse<T>(string text, out T value);

using System.Text.Json;

namespace Infra.Tools.ProviderGen;

/// <summary>A property's type as the schema states it (a PROPSPEC), reduced to what the C# shape needs.</summary>
public abstract record PropertyType
{
    /// <summary>Reads a PROPSPEC. <paramref name="isEnum"/> tells an enum type token from an object type token.</summary>
    public static PropertyType Parse(JsonElement spec, Func<string, bool> isEnum, string where)
    {
        if (spec.ValueKind != JsonValueKind.Object) throw new GeneratorException($"{where}: a property spec must be an object.");
        if (spec.TryGetProperty("const", out var constant)) return new ConstType(constant.Clone());
        if (spec.TryGetProperty("$ref", out var reference)) return FromRef(reference.GetString() ?? "", isEnum, where);
        if (spec.TryGetProperty("oneOf", out var oneOf))
        {
            var options = oneOf.EnumerateArray().Select((o, i) => Parse(o, isEnum, $"{where}.oneOf[{i}]")).ToList();
            // {"type": "string", "oneOf": [{"type": "string"}, {"$ref": enum}]}: any string, the enum lists known values.
            if (options.Count == 2 && options.OfType<ScalarType>().Any(s => s.Kind == "string")
                && options.OfType<EnumRef>().SingleOrDefault() is { } known)
                return known with { Open = true };
            return new UnionType(options);
        }
        var type = spec.TryGetProperty("type", out var t) ? t.GetString() : null;
        return type switch
        {
            "string" or "integer" or "number" or "boolean" => new ScalarType(type),
            "array" => new ArrayType(spec.TryGetProperty("items", out var items) ? Parse(items, isEnum, where + "[]") : AnyType.Instance),
            "object" => new MapType(spec.TryGetProperty("additionalProperties", out var values)
                ? Parse(values, isEnum, where + "{}")
                : AnyType.Instance),
            null => AnyType.Instance,
            _ => throw new GeneratorException($"{where}: unknown type '{type}'."),
        };
    }

    private static PropertyType FromRef(string reference, Func<string, bool> isEnum, string where)
    {
        const string Types = "#/types/";
        if (reference.StartsWith(Types, StringComparison.Ordinal))
        {
            var token = reference[Types.Length..];
            return isEnum(token) ? new EnumRef(token, Open: false) : new ObjectRef(token);
        }
        return reference switch
        {
            "pulumi.json#/Any" or "pulumi.json#/Json" => AnyType.Instance,
            "pulumi.json#/Asset" or "pulumi.json#/Archive" => AssetType.Instance,
            _ => throw new GeneratorException($"{where}: the reference '{reference}' is not supported by the generator."),
        };
    }

    /// <summary>Every type token this type refers to, directly or inside lists, maps and unions.</summary>
    public IEnumerable<string> ReferencedTypes() => this switch
    {
        ObjectRef o => [o.Token],
        EnumRef e => [e.Token],
        ArrayType a => a.Items.ReferencedTypes(),
        MapType m => m.Values.ReferencedTypes(),
        UnionType u => u.Options.SelectMany(o => o.ReferencedTypes()),
        _ => [],
    };
}

/// <summary><c>string</c>, <c>integer</c>, <c>number</c> or <c>boolean</c>.</summary>
public sealed record ScalarType(string Kind) : PropertyType;

/// <summary><c>pulumi.json#/Any</c>, <c>#/Json</c>, an untyped object: anything the program can express.</summary>
public sealed record AnyType : PropertyType
{
    public static readonly AnyType Instance = new();
}

/// <summary><c>pulumi.json#/Asset</c> or <c>#/Archive</c> (<c>fn::stringAsset</c>, <c>fn::fileArchive</c>...).</summary>
public sealed record AssetType : PropertyType
{
    public static readonly AssetType Instance = new();
}

public sealed record ArrayType(PropertyType Items) : PropertyType;

/// <summary>An object with <c>additionalProperties</c>: string keys, values of one type.</summary>
public sealed record MapType(PropertyType Values) : PropertyType;

/// <summary>A <c>$ref</c> to an object type.</summary>
public sealed record ObjectRef(string Token) : PropertyType;

/// <summary>A <c>$ref</c> to an enum type; <see cref="Open"/> when any string is allowed besides the listed values.</summary>
public sealed record EnumRef(string Token, bool Open) : PropertyType;

/// <summary>The only allowed value (kubernetes <c>apiVersion</c>/<c>kind</c>): always written, never set.</summary>
public sealed record ConstType(JsonElement Value) : PropertyType;

/// <summary>A <c>oneOf</c> that is not an open enum: typed loosely, as anything.</summary>
public sealed record UnionType(IReadOnlyList<PropertyType> Options) : PropertyType;

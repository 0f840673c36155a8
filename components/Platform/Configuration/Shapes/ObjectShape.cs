using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration.Shapes;

/// <summary>
/// An object with declared fields: an unknown field (with a did-you-mean), a missing required one and every
/// field's own problems are all reported; only an object without problems is built.
/// </summary>
/// A single value in place of the object is the <c>shorthand</c> field alone, when one is declared
/// (<c>events: 3</c> for <c>events: {servers: 3}</c>).
internal sealed class ObjectShape<T>(string allowed, IReadOnlyList<ConfigField> fields, Func<ConfigFieldValues, ConfigAt, T?> build,
    ConfigField? shorthand = null)
    : ConfigShape<T?> where T : class
{
    public override ConfigKind Kind => ConfigKind.Object;

    public override string TypeName => "object";

    public override string Allowed => allowed;

    public override IReadOnlyList<ConfigField> Fields => fields;

    public override bool TryBind(JsonNode? node, ConfigAt at, out T? value)
    {
        value = null;
        if (shorthand is not null && node is JsonValue)
        {
            var single = new ConfigFieldValues();
            foreach (var field in fields) single.Set(field, field.DefaultValue, false);
            if (!shorthand.TryBind(node, at with { Allowed = shorthand.Allowed }, out var one)) return false;
            single.Set(shorthand, one, true);
            value = build(single, at);
            return value is not null;
        }
        if (node is not JsonObject obj)
        {
            at.Fail(Display(node), "must be an object (a mapping of names to values).");
            return false;
        }
        var ok = true;
        var names = fields.Select(f => f.Name).ToList();
        foreach (var (name, _) in obj)
        {
            if (names.Contains(name, StringComparer.Ordinal)) continue;
            var suggestion = DidYouMean.Suggest(name, names);
            at.Field(name, $"the fields {string.Join(", ", names)} (names are case-sensitive)")
                .Fail(null, suggestion is null ? "is not a known field." : $"is not a known field. Did you mean {suggestion}?");
            ok = false;
        }
        var values = new ConfigFieldValues();
        foreach (var field in fields)
        {
            var where = at.Field(field);
            if (!obj.TryGetPropertyValue(field.Name, out var child))
            {
                if (field.Required)
                {
                    where.Fail(null, field.RequiredProblem);
                    ok = false;
                }
                values.Set(field, field.DefaultValue, false);
                continue;
            }
            if (field.TryBind(child, where, out var bound)) values.Set(field, bound, true);
            else ok = false;
        }
        if (!ok) return false;
        value = build(values, at);
        return value is not null;
    }

    public override string Describe(T? value) => value is null ? "—" : value.ToString() ?? "—";
}

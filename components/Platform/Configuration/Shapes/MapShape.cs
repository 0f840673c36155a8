using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration.Shapes;

/// <summary>
/// An object whose entries are named by the user (Service names) and share one shape. Each entry's problems name
/// it (<c>infra:catalog.billing.routes[0].path</c>); the valid entries are kept in the order written.
/// </summary>
internal sealed class MapShape<T>(string allowed, string nameAllowed, Func<string, string?> nameCheck, ConfigShape<T?> entry)
    : ConfigShape<IReadOnlyList<KeyValuePair<string, T>>?> where T : class
{
    public override ConfigKind Kind => ConfigKind.Object;

    public override string TypeName => $"map of {entry.TypeName}s";

    public override string Allowed => allowed;

    public override IReadOnlyList<ConfigField> Fields => entry.Fields;

    public override string ItemPath => ".NAME";

    public override bool TryBind(JsonNode? node, ConfigAt at, out IReadOnlyList<KeyValuePair<string, T>>? value)
    {
        value = null;
        if (node is not JsonObject obj)
        {
            at.Fail(Display(node), "must be an object (a mapping of names to values).");
            return false;
        }
        var entries = new List<KeyValuePair<string, T>>();
        foreach (var (name, child) in obj)
        {
            if (nameCheck(name) is { } problem)
            {
                at.Field(name, nameAllowed).Fail(null, problem);
                continue;
            }
            if (entry.TryBind(child, at.Field(name, entry.Allowed), out var bound) && bound is not null)
                entries.Add(KeyValuePair.Create(name, bound));
        }
        value = entries;
        return true;
    }

    public override string Describe(IReadOnlyList<KeyValuePair<string, T>>? value) => value is null ? "—" : $"{value.Count} entries";
}

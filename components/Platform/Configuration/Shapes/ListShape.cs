using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration.Shapes;

/// <summary>
/// A list whose items share a shape (a list of objects). Every item's problems are reported, and the valid
/// items are kept, so that checks beyond the shape (a policy id that does not exist) still run on them.
/// </summary>
internal sealed class ListShape<T>(string allowed, ConfigShape<T> item) : ConfigShape<IReadOnlyList<T>?>
{
    public override ConfigKind Kind => item.Kind == ConfigKind.Object ? ConfigKind.ObjectList : ConfigKind.StringList;

    public override string TypeName => item.Kind == ConfigKind.Object ? "list of objects" : $"list of {item.TypeName}s";

    public override string Allowed => allowed;

    public override IReadOnlyList<ConfigField> Fields => item.Fields;

    public override string ItemPath => "[]";

    public override bool TryBind(JsonNode? node, ConfigAt at, out IReadOnlyList<T>? value)
    {
        value = null;
        if (node is not JsonArray array)
        {
            at.Fail(Display(node), "must be a list.");
            return false;
        }
        var items = new List<T>();
        // An item that failed is left out (its problems are reported); an object item that failed binds to null.
        for (var i = 0; i < array.Count; i++)
            if (item.TryBind(array[i], at.Item(i, item.Allowed), out var bound) && bound is not null)
                items.Add(bound);
        value = items;
        return true;
    }

    public override string Describe(IReadOnlyList<T>? value) => value is null ? "—" : $"[{string.Join(", ", value)}]";
}

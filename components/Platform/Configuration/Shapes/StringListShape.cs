using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration.Shapes;

/// <summary>A list of strings, optionally non-empty, each optionally checked.</summary>
internal sealed class StringListShape(string allowed, bool allowEmpty, Func<string, string?>? check) : ConfigShape<IReadOnlyList<string>?>
{
    public override ConfigKind Kind => ConfigKind.StringList;

    public override string TypeName => "list of strings";

    public override string Allowed => allowed;

    public override bool TryBind(JsonNode? node, ConfigAt at, out IReadOnlyList<string>? value)
    {
        value = null;
        if (node is not JsonArray array || array.Any(i => i is not JsonValue))
        {
            at.Fail(Display(node), "must be a list of strings.", "a list such as [\"a\", \"b\"]");
            return false;
        }
        var items = array.Select(i => ScalarText(i) ?? "").ToList();
        if (items.Count == 0 && !allowEmpty)
        {
            at.Fail(Display(node), "is an empty list.");
            return false;
        }
        var ok = true;
        foreach (var item in items)
        {
            if (check?.Invoke(item) is not { } problem) continue;
            at.Fail(item, problem);
            ok = false;
        }
        value = items;
        return ok;
    }

    public override string Describe(IReadOnlyList<string>? value) =>
        value is null ? "—" : $"[{string.Join(", ", value)}]";
}

using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration.Shapes;

/// <summary>One of a few words, exactly as written.</summary>
internal sealed class OneOfShape(IReadOnlyList<string> values, string problem) : ConfigShape<string>
{
    public override ConfigKind Kind => ConfigKind.String;

    public override string TypeName => "string";

    public override string Allowed => string.Join(" | ", values);

    public override bool TryBind(JsonNode? node, ConfigAt at, out string value)
    {
        value = ScalarText(node) ?? "";
        if (values.Contains(value)) return true;
        at.Fail(Display(node), problem);
        return false;
    }
}

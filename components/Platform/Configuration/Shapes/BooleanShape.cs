using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration.Shapes;

/// <summary>true or false (any case, as YAML and Pulumi write them).</summary>
internal sealed class BooleanShape : ConfigShape<bool>
{
    public override ConfigKind Kind => ConfigKind.Boolean;

    public override string TypeName => "boolean";

    public override string Allowed => "true | false";

    public override bool TryBind(JsonNode? node, ConfigAt at, out bool value)
    {
        var text = Display(node);
        switch (text.ToLowerInvariant())
        {
            case "true": value = true; return true;
            case "false": value = false; return true;
            default:
                value = false;
                at.Fail(text, "is not a boolean.", "true or false");
                return false;
        }
    }
}

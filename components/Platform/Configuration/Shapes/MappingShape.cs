using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration.Shapes;

/// <summary>An object whose entries a reader of its own checks (a map from Service names to settings).</summary>
internal sealed class MappingShape(string allowed) : ConfigShape<JsonObject?>
{
    public override ConfigKind Kind => ConfigKind.Object;

    public override string TypeName => "object";

    public override string Allowed => allowed;

    public override bool TryBind(JsonNode? node, ConfigAt at, out JsonObject? value)
    {
        value = node as JsonObject;
        if (value is not null) return true;
        at.Fail(Display(node), "must be an object (a mapping of names to values).");
        return false;
    }
}

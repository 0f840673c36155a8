using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration.Shapes;

/// <summary>A single string, with an optional check.</summary>
internal sealed class TextShape(string allowed, Func<string, string?>? check) : ConfigShape<string>
{
    public override ConfigKind Kind => ConfigKind.String;

    public override string TypeName => "string";

    public override string Allowed => allowed;

    public override bool TryBind(JsonNode? node, ConfigAt at, out string value)
    {
        value = "";
        if (ScalarText(node) is not { } text)
        {
            at.Fail(Display(node), "must be a single string, not a list or object.");
            return false;
        }
        if (check?.Invoke(text) is { } problem)
        {
            at.Fail(text, problem);
            return false;
        }
        value = text;
        return true;
    }
}

using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration.Shapes;

/// <summary>A single value with a parser of its own (a time zone, a time of day, a CIDR).</summary>
internal sealed class ParsedShape<T>(string typeName, string allowed, TryParse<T> parse) : ConfigShape<T>
{
    public override ConfigKind Kind => ConfigKind.String;

    public override string TypeName => typeName;

    public override string Allowed => allowed;

    public override bool TryBind(JsonNode? node, ConfigAt at, out T value)
    {
        value = default!;
        if (ScalarText(node) is not { } text)
        {
            at.Fail(Display(node), "must be a single value, not a list or object.");
            return false;
        }
        if (parse(text, out value) is not { } problem) return true;
        at.Fail(text, problem);
        return false;
    }
}

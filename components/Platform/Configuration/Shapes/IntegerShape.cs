using System.Globalization;
using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration.Shapes;

/// <summary>A whole number in a range.</summary>
internal sealed class IntegerShape(int min, int max, string? allowed = null) : ConfigShape<int>
{
    private string Range => $"an integer from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";

    public override ConfigKind Kind => ConfigKind.Integer;

    public override string TypeName => "integer";

    public override string Allowed => allowed ?? Range;

    public override bool TryBind(JsonNode? node, ConfigAt at, out int value)
    {
        var text = Display(node);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            at.Fail(text, "is not a whole number.");
            return false;
        }
        if (value >= min && value <= max) return true;
        at.Fail(text, "is out of range.", Range);
        return false;
    }
}

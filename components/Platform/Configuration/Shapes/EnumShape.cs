using System.Text.Json.Nodes;

namespace Infra.Platform.Configuration.Shapes;

/// <summary>The lower-case name of an enum member.</summary>
internal sealed class EnumShape<TEnum> : ConfigShape<TEnum> where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> members =
        System.Enum.GetValues<TEnum>().ToDictionary(v => v.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    public override ConfigKind Kind => ConfigKind.String;

    public override string TypeName => "string";

    public override string Allowed => string.Join(" | ", members.Keys);

    public override bool TryBind(JsonNode? node, ConfigAt at, out TEnum value)
    {
        if (members.TryGetValue(ScalarText(node) ?? "", out value)) return true;
        at.Fail(Display(node), "is not one of the allowed values.", Allowed);
        return false;
    }

    public override string Describe(TEnum value) => value.ToString().ToLowerInvariant();
}

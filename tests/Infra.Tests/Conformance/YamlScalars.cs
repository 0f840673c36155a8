using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.SchemaConformance;

/// <summary>What a YAML scalar is read as: quoted and block scalars are strings; plain ones resolve by their text (YAML 1.2 core schema).</summary>
internal enum ScalarKind { String, Integer, Float, Boolean, Null }

internal static partial class YamlScalars
{
    public static ScalarKind KindOf(YamlScalarNode scalar)
    {
        if (!scalar.Tag.IsEmpty)
        {
            return scalar.Tag.Value switch
            {
                "tag:yaml.org,2002:int" => ScalarKind.Integer,
                "tag:yaml.org,2002:float" => ScalarKind.Float,
                "tag:yaml.org,2002:bool" => ScalarKind.Boolean,
                "tag:yaml.org,2002:null" => ScalarKind.Null,
                _ => ScalarKind.String,
            };
        }
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any)) return ScalarKind.String;

        var text = scalar.Value ?? "";
        if (NullText().IsMatch(text)) return ScalarKind.Null;
        if (BooleanText().IsMatch(text)) return ScalarKind.Boolean;
        if (IntegerText().IsMatch(text)) return ScalarKind.Integer;
        if (FloatText().IsMatch(text)) return ScalarKind.Float;
        return ScalarKind.String;
    }

    /// <summary>A one-key mapping whose key starts with <c>fn::</c> is a built-in call, e.g. <c>fn::invoke</c>.</summary>
    public static bool IsBuiltInCall(YamlNode node, out string name, out YamlNode argument)
    {
        if (node is YamlMappingNode { Children.Count: 1 } mapping
            && mapping.Children.First() is { Key: YamlScalarNode { Value: { } key }, Value: var value }
            && key.StartsWith("fn::", StringComparison.Ordinal))
        {
            (name, argument) = (key, value);
            return true;
        }
        (name, argument) = ("", node);
        return false;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar => KindOf(scalar) switch
        {
            ScalarKind.String => $"the string \"{scalar.Value}\"",
            ScalarKind.Integer or ScalarKind.Float => $"the number {scalar.Value}",
            ScalarKind.Boolean => $"the boolean {scalar.Value}",
            _ => "null",
        },
        _ => "an alias",
    };

    [GeneratedRegex(@"^(|~|null|Null|NULL)$")]
    private static partial Regex NullText();

    [GeneratedRegex(@"^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BooleanText();

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex IntegerText();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex FloatText();
}

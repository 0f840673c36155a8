using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>Canonical and display forms of YAML values, and path segments.</summary>
public static partial class ValueText
{
    /// <summary>Longest single value shown; longer ones are cut at a safe place with their length noted.</summary>
    public const int MaxDisplayLength = 160;

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SimpleKey();

    [GeneratedRegex(@"^(-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?|true|false|null)$")]
    private static partial Regex PlainLiteral();

    /// <summary>Order-insensitive for mapping keys (key order carries no meaning), order-sensitive for lists.</summary>
    public static string Canonical(YamlNode? node)
    {
        var text = new StringBuilder();
        AppendCanonical(text, node);
        return text.ToString();
    }

    private static void AppendCanonical(StringBuilder text, YamlNode? node)
    {
        switch (node)
        {
            case null:
                text.Append('~');
                break;
            case YamlScalarNode scalar:
                text.Append(DiffJson.Quote(scalar.Value ?? ""));
                break;
            case YamlSequenceNode sequence:
                text.Append('[');
                foreach (var item in sequence.Children)
                {
                    AppendCanonical(text, item);
                    text.Append(',');
                }
                text.Append(']');
                break;
            case YamlMappingNode mapping:
                text.Append('{');
                foreach (var (key, value) in mapping.Children.OrderBy(pair => KeyText(pair.Key), StringComparer.Ordinal))
                {
                    text.Append(DiffJson.Quote(KeyText(key))).Append(':');
                    AppendCanonical(text, value);
                    text.Append(',');
                }
                text.Append('}');
                break;
            default:
                text.Append(node.ToString());
                break;
        }
    }

    public static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();

    /// <summary>Path segment for a mapping key: <c>.name</c>, or <c>["kubernetes.io/role"]</c> when not a plain identifier.</summary>
    public static string Member(string parentPath, string key)
    {
        if (SimpleKey().IsMatch(key))
        {
            return parentPath.Length == 0 ? key : parentPath + "." + key;
        }
        return parentPath + "[" + DiffJson.Quote(key) + "]";
    }

    public static string Index(string parentPath, int index) => parentPath + "[" + index + "]";

    /// <summary>One-line display form: numbers and booleans bare, strings quoted, <c>$$</c> shown as the literal <c>$</c> it stands for.</summary>
    public static string Display(YamlNode? node)
    {
        var text = new StringBuilder();
        AppendDisplay(text, node);
        return Shorten(text.ToString());
    }

    public static string Shorten(string text) => ValueShortener.Shorten(text, MaxDisplayLength);

    private static void AppendDisplay(StringBuilder text, YamlNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case YamlScalarNode scalar:
                var literal = scalar.Value ?? "";
                var bare = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && PlainLiteral().IsMatch(literal);
                text.Append(bare ? literal : JsonSerializer.Serialize(Unescape(literal), DiffJson.Display.String));
                break;
            case YamlSequenceNode sequence:
                text.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    AppendDisplay(text, sequence.Children[i]);
                }
                text.Append(']');
                break;
            case YamlMappingNode mapping:
                if (SecretMask.IsSecretValue(mapping))
                {
                    text.Append(SecretMask.Placeholder);
                    break;
                }
                text.Append('{');
                var first = true;
                foreach (var (key, value) in mapping.Children)
                {
                    if (!first) text.Append(", ");
                    first = false;
                    var name = KeyText(key);
                    text.Append(name).Append(": ");
                    if (SecretMask.IsSecretName(name)) text.Append(SecretMask.Placeholder);
                    else AppendDisplay(text, value);
                }
                text.Append('}');
                break;
        }
    }

    /// <summary>Pulumi YAML escapes a literal <c>$</c> as <c>$$</c>; readers think in the literal.</summary>
    public static string Unescape(string value) => value.Replace("$$", "$", StringComparison.Ordinal);

    public static bool IsMultiLine(YamlNode? node) => node is YamlScalarNode { Value: { } value } && value.Contains('\n');
}

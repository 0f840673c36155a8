using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Infra.Synthesis.Emission;

/// <summary>How one string is written as a YAML scalar, so that it reads back as exactly that string.</summary>
internal static partial class ScalarText
{
    /// <summary>Escapes a literal for Pulumi interpolation: every <c>$</c> becomes <c>$$</c>.</summary>
    public static string Escape(string literal) => literal.Replace("$", "$$");

    /// <summary>
    /// Multi-line text is a literal block (scripts stay readable); text YAML could read as something
    /// other than a string (numbers, booleans, null, dates, indicators) is double-quoted; the rest is plain.
    /// </summary>
    public static ScalarStyle StyleFor(string text)
    {
        if (text.Contains('\n')) return ScalarStyle.Literal;
        return IsPlainSafe(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
    }

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", ".nan", "-.inf", "+.inf", "<<", "=",
    };

    [GeneratedRegex(@"^[-+.]?[0-9]|^0[xob]", RegexOptions.IgnoreCase)]
    private static partial Regex NumberLike();

    private static bool IsPlainSafe(string text)
    {
        if (text.Length == 0 || Reserved.Contains(text) || NumberLike().IsMatch(text)) return false;
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0])) return false;
        if (text.EndsWith(':') || text.Contains(": ") || text.Contains(" #")) return false;
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\uFEFF' || char.IsSurrogate(c) || c > '\u007E') return false;
        }
        return true;
    }

    /// <summary>Builds the text of an interpolation from literal and reference parts.</summary>
    public static string Interpolation(IEnumerable<(string Text, bool IsReference)> parts)
    {
        var text = new StringBuilder();
        foreach (var (part, isReference) in parts)
            text.Append(isReference ? "${" + part + "}" : Escape(part));
        return text.ToString();
    }
}

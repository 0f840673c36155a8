using System.Text;
using YamlDotNet.Core;

namespace Infra.Synthesis.Emission;

/// <summary>How one string is written as a YAML scalar, so that it reads back as exactly that string.</summary>
internal static class ScalarText
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
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "<<", "=",
    };

    private static bool IsPlainSafe(string text)
    {
        if (text.Length == 0 || Reserved.Contains(text)) return false;
        var first = text[0];
        // Anything that could start a number, a date or a special float (.inf) is quoted.
        if (char.IsAsciiDigit(first) || first is '+' or '.') return false;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(first)) return false;
        if (char.IsWhiteSpace(text[^1]) || text[^1] == ':') return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' || c > '~') return false;
            // A space or ':' is never the last character here (refused just above), so text[i + 1] exists.
            if (c == ' ' && text[i + 1] == '#') return false;
            if (c == ':' && text[i + 1] == ' ') return false;
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

using YamlDotNet.Core;

namespace Infra.Synthesis.Emission;

/// <summary>How one string is written as a YAML scalar, so that it reads back as exactly that string.</summary>
internal static class ScalarText
{
    /// <summary>Appends <paramref name="literal"/> escaped for Pulumi interpolation (every <c>$</c> becomes <c>$$</c>), without a string of it.</summary>
    public static void AppendEscaped(TextBuffer text, ReadOnlySpan<char> literal)
    {
        int dollar;
        while ((dollar = literal.IndexOf('$')) >= 0)
        {
            text.Append(literal[..(dollar + 1)]);
            text.Append('$');
            literal = literal[(dollar + 1)..];
        }
        text.Append(literal);
    }

    /// <summary>
    /// Multi-line text is a literal block (scripts stay readable); text YAML could read as something
    /// other than a string (numbers, booleans, null, dates, indicators) is double-quoted; the rest is plain.
    /// </summary>
    public static ScalarStyle StyleFor(ReadOnlySpan<char> text)
    {
        if (text.Contains('\n')) return ScalarStyle.Literal;
        return IsPlainSafe(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
    }

    // Compared ignoring case; none is longer than five characters.
    private static readonly string[] Reserved = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "<<", "="];

    private static bool IsReserved(ReadOnlySpan<char> text)
    {
        if (text.Length > 5) return false;
        foreach (var word in Reserved)
            if (text.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsPlainSafe(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || IsReserved(text)) return false;
        var first = text[0];
        // Anything that could start a number, a date or a special float (.inf) is quoted.
        if (char.IsAsciiDigit(first) || first is '+' or '.') return false;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(first)) return false;
        if (char.IsWhiteSpace(text[^1]) || text[^1] == ':') return false;
        // Printable ASCII only; a space or ':' is never the last character here, so " #" and ": " are all that is left.
        if (text.ContainsAnyExceptInRange(' ', '~')) return false;
        return !text.Contains(" #", StringComparison.Ordinal) && !text.Contains(": ", StringComparison.Ordinal);
    }
}

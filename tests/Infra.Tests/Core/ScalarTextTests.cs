using Infra.Synthesis;
using Infra.Synthesis.Emission;
using YamlDotNet.Core;

namespace Infra.Tests.Core;

/// <summary>
/// The program writer escapes literals and picks their style on spans, without a string per value
/// (<see cref="ScalarText"/>). Both must decide exactly as the string versions they replaced: <c>Replace("$", "$$")</c>,
/// and the character-by-character plain check kept here as the reference.
/// </summary>
public sealed class ScalarTextTests
{
    private static readonly string[] Texts =
    [
        "", "$", "$$", "${", "${ref}", "$${escaped}", "a$b$c", "$start", "end$", "no dollar", "\"quoted $\"", "it's $5",
        "line\nbreak $HOME\n", "crlf\r\nline", " leading", "trailing ", "ünïcode $ 😀", "tab\there", "a: b", "a #b", "a#b", "a:b",
        "key:", "plain", "true", "TRUE", "Yes", "no", "ON", "off", "y", "N", "null", "~", "<<", "=", "===", "nope", "truex",
        "0644", "-1", "+1", ".5", "-", "?x", ":x", ",x", "[x", "{x", "#x", "&x", "*x", "!x", "|x", ">x", "'x", "\"x", "%x", "@x", "`x",
        "del\u007f", "nbsp\u00a0", "caf\u00e9", "ends in nbsp\u00a0", "x\u2028", "http://host:8080/a?b=c#d", "~home", "a-b_c.d/e",
        "\u0130", "\u0131", "tru\u0131", "k", "\u212a",
    ];

    [Fact]
    public void Escaping_into_a_buffer_doubles_every_dollar_as_replace_does()
    {
        var buffer = new TextBuffer(4); // small: the escaped text outgrows it
        foreach (var text in Texts.Append(new string('$', 300)).Append(string.Concat(Enumerable.Repeat("a$", 200))))
        {
            ScalarText.AppendEscaped(buffer.Clear(), text);
            Assert.Equal(text.Replace("$", "$$"), buffer.ToString());
        }
    }

    [Fact]
    public void The_style_of_each_text_is_the_one_the_reference_check_gives()
    {
        foreach (var text in Texts)
            Assert.True(ReferenceStyle(text) == ScalarText.StyleFor(text), $"'{text}': {ScalarText.StyleFor(text)}, expected {ReferenceStyle(text)}");
    }

    [Fact]
    public void Random_text_gets_the_style_the_reference_check_gives()
    {
        string[] pieces = ["a", "Z9", "$", " ", ":", ": ", "#", " #", "'", "\"", "-", "?", ".", "+", "1", "\t", "\n", "é", "~", "<<", "=", "true", "y", "\u007f"];
        var random = new Random(7);
        for (var n = 0; n < 20_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.True(ReferenceStyle(text) == ScalarText.StyleFor(text), $"'{text}'");
        }
    }

    // The plain check as it was written before it took spans: a set of reserved words and a loop over the characters.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "<<", "=",
    };

    private static ScalarStyle ReferenceStyle(string text)
    {
        if (text.Contains('\n')) return ScalarStyle.Literal;
        return IsPlainSafe(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;

        static bool IsPlainSafe(string text)
        {
            if (text.Length == 0 || Reserved.Contains(text)) return false;
            var first = text[0];
            if (char.IsAsciiDigit(first) || first is '+' or '.') return false;
            if ("-?:,[]{}#&*!|>'\"%@`".Contains(first)) return false;
            if (char.IsWhiteSpace(text[^1]) || text[^1] == ':') return false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c < ' ' || c > '~') return false;
                if (c == ' ' && text[i + 1] == '#') return false;
                if (c == ':' && text[i + 1] == ' ') return false;
            }
            return true;
        }
    }
}

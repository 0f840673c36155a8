using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Infra.Policies.Cloud.Constraints;

/// <summary>
/// AWS API model patterns as .NET regular expressions. The models use Java regex syntax and the
/// services match a whole value (<c>[\w+=,.@-]+</c> rejects "a b"), so a pattern is anchored at both
/// ends, and the few constructs whose meaning differs are translated: Java's <c>\w</c> and <c>\d</c>
/// are ASCII-only (in .NET they also match other scripts), and <c>\p{all}</c> is any character.
/// </summary>
public static partial class ApiPattern
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="value"/> matches <paramref name="pattern"/> in full.</summary>
    public static bool Matches(string pattern, string value) => Compile(pattern).IsMatch(value);

    public static Regex Compile(string pattern) => Cache.GetOrAdd(pattern,
        p => new Regex(@"\A(?:" + ToDotNet(p) + @")\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    /// <summary>The pattern with Java-only meanings translated; anchors are left as they are.</summary>
    public static string ToDotNet(string pattern)
    {
        var text = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                var rest = pattern[(i + 1)..];
                if (next == 'w')
                    text.Append(inClass ? "A-Za-z0-9_" : "[A-Za-z0-9_]");
                else if (next == 'd')
                    text.Append(inClass ? "0-9" : "[0-9]");
                else if (rest.StartsWith("p{all}", StringComparison.Ordinal))
                {
                    text.Append(inClass ? @"\s\S" : @"[\s\S]");
                    i += "p{all}".Length - 1;
                }
                else
                    text.Append(c).Append(next);
                i++;
                continue;
            }
            if (c == '[' && !inClass) inClass = true;
            else if (c == ']' && inClass) inClass = false;
            text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>
    /// The characters of <paramref name="value"/> a pattern can never accept, when the pattern is one
    /// character class repeated (<c>^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$</c>); empty when that cannot be told.
    /// </summary>
    public static IReadOnlyList<string> ForbiddenCharacters(string pattern, string value)
    {
        var match = SingleClass().Match(pattern);
        if (!match.Success) return [];
        var single = new Regex(@"\A[" + ToDotNet("[" + match.Groups["class"].Value + "]")[1..^1] + @"]\z", RegexOptions.CultureInvariant);
        return value.EnumerateRunes().Select(r => r.ToString()).Where(r => !single.IsMatch(r)).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^\^?\(?(?:\?:)?\[(?<class>(?:\\.|[^\]\\])+)\][*+]\)?\$?$")]
    private static partial Regex SingleClass();
}

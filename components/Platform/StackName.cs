using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Infra.Platform;

/// <summary>
/// A Pulumi stack name: <c>NAME</c>, <c>ORG/NAME</c> or <c>ORG/PROJECT/NAME</c>, each part 1 to 100 ASCII
/// letters, digits, '-', '_' and '.' (Pulumi's own rule). The name becomes part of file names
/// (<c>Pulumi.NAME.yaml</c>), resource names and tags, so nothing else is accepted.
/// </summary>
public static partial class StackName
{
    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}\z")]
    private static partial Regex Part();

    // Pulumi's rule for the organization (owner) part of a qualified name.
    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_-]{1,38}[a-zA-Z0-9]\z")]
    private static partial Regex Organization();

    public const string Rule =
        "Pulumi stack names are 1 to 100 ASCII letters, digits, '-', '_' and '.', optionally after ORG/ or ORG/PROJECT/";

    /// <summary>Null when <paramref name="text"/> is a valid (possibly qualified) stack name; otherwise what is wrong.</summary>
    public static string? Problem(string text)
    {
        if (text.Length == 0) return "is empty";
        var parts = text.Split('/');
        if (parts.Length > 3) return $"has {parts.Length} parts separated by '/'; a stack is NAME, ORG/NAME or ORG/PROJECT/NAME";
        if (parts.Length > 1 && parts[0].Length > 0 && Part().IsMatch(parts[0]) && !Organization().IsMatch(parts[0]))
            return $"starts with '{parts[0]}', which is not an organization name (3 to 40 letters, digits, '-' and '_', starting and ending with a letter or digit)";
        foreach (var part in parts)
        {
            if (Part().IsMatch(part)) continue;
            if (part.Length == 0) return "has an empty part between '/'";
            if (part.Length > 100) return $"has a part of {part.Length} characters; at most 100 are allowed";
            var bad = part.First(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));
            return bad switch
            {
                ' ' => "contains a space",
                '\\' => "contains a backslash (a path separator)",
                _ when char.IsWhiteSpace(bad) || char.IsControl(bad) => $"contains the control or space character {Describe(bad)}",
                _ when bad > 127 => $"contains the non-ASCII character {Describe(bad)}",
                _ => $"contains the character '{bad}'",
            };
        }
        return null;
    }

    /// <summary>A valid name close to <paramref name="text"/> (other characters become '-'), for the error message.</summary>
    public static string Suggest(string text)
    {
        var name = new string(Short(text.Replace('\\', '/')).Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' ? c : '-').ToArray())
            .Trim('-', '.');
        name = name.Length > 100 ? name[..100] : name;
        return name.Length == 0 ? "dev" : name;
    }

    /// <summary>The stack's own name: the last part of a qualified name.</summary>
    public static string Short(string qualified) => qualified.Split('/')[^1];

    /// <summary>The name as it may be printed: control characters escaped, so a message stays one readable line.</summary>
    public static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        return builder.ToString();
    }

    private static string Describe(char c) => char.IsControl(c) || char.IsWhiteSpace(c)
        ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
        : string.Create(CultureInfo.InvariantCulture, $"'{c}' (U+{(int)c:X4})");
}

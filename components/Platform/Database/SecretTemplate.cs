using System.Text.RegularExpressions;

namespace Infra.Platform.Database;

/// <summary>
/// Splits generated text that contains credential placeholders into literal and placeholder
/// segments, so the tier can rebuild it as an interpolation of references.
/// </summary>
public static partial class SecretTemplate
{
    public const string Open = "@@secret:";
    public const string Close = "@@";

    internal static Regex KeyPattern { get; } = KeyRegex();

    public static string Token(string key) => Open + key + Close;

    /// <summary>The segments of <paramref name="text"/> in order; placeholder segments carry their key.</summary>
    public static IReadOnlyList<TemplateSegment> Split(string text)
    {
        var segments = new List<TemplateSegment>();
        var position = 0;
        foreach (Match match in TokenRegex().Matches(text))
        {
            if (match.Index > position)
                segments.Add(new TemplateSegment(text[position..match.Index], null));
            segments.Add(new TemplateSegment(null, match.Groups["key"].Value));
            position = match.Index + match.Length;
        }
        if (position < text.Length) segments.Add(new TemplateSegment(text[position..], null));
        return segments;
    }

    /// <summary>The placeholder keys that <paramref name="text"/> uses, each once, in first-use order.</summary>
    public static IReadOnlyList<string> Keys(string text) =>
        Split(text).Where(s => s.PlaceholderKey is not null).Select(s => s.PlaceholderKey!).Distinct().ToList();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("@@secret:(?<key>[A-Za-z0-9_-]+)@@")]
    private static partial Regex TokenRegex();
}

/// <summary>Either literal text or a placeholder key, never both.</summary>
public sealed record TemplateSegment(string? Literal, string? PlaceholderKey);

using System.Globalization;

namespace Infra.Tests.SchemaConformance;

/// <summary>One step after the root of a reference: <c>.name</c> / <c>["name"]</c> (a key) or <c>[0]</c> (an index).</summary>
internal readonly record struct AccessSegment(string? Key, int? Index)
{
    public override string ToString() => Key is not null ? "." + Key : $"[{Index}]";
}

/// <summary>
/// The inside of one <c>${...}</c>: a root (resource, variable or config key; config keys may hold
/// a colon, as in <c>infra:tier</c>) followed by property and index accesses.
/// </summary>
internal sealed record PropertyAccess(string Text, string Root, IReadOnlyList<AccessSegment> Segments)
{
    /// <summary>Parses <c>root.a[0]["b"].c</c>; null when the text is not a property access.</summary>
    public static PropertyAccess? Parse(string text)
    {
        var position = 0;
        while (position < text.Length && text[position] is not '.' and not '[') position++;
        var root = text[..position].Trim();
        if (root.Length == 0) return null;

        var segments = new List<AccessSegment>();
        while (position < text.Length)
        {
            if (text[position] == '.')
            {
                var start = ++position;
                while (position < text.Length && text[position] is not '.' and not '[') position++;
                if (position == start) return null;
                segments.Add(new AccessSegment(text[start..position], null));
            }
            else
            {
                var close = text.IndexOf(']', position);
                if (close < 0) return null;
                var inside = text[(position + 1)..close].Trim();
                position = close + 1;
                if (inside.Length >= 2 && inside[0] == '"' && inside[^1] == '"')
                    segments.Add(new AccessSegment(inside[1..^1], null));
                else if (int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    segments.Add(new AccessSegment(null, index));
                else
                    return null;
            }
        }
        return new PropertyAccess(text, root, segments);
    }
}

/// <summary>Finds the <c>${...}</c> parts of a Pulumi YAML string; <c>$$</c> is an escaped, literal <c>$</c>.</summary>
internal static class Interpolations
{
    /// <summary>The texts inside each <c>${...}</c>, and whether an opened <c>${</c> was never closed.</summary>
    public static (IReadOnlyList<string> References, bool Unterminated) Find(string text)
    {
        var references = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 >= text.Length) continue;
            if (text[i + 1] == '$') { i++; continue; }
            if (text[i + 1] != '{') continue;
            var close = text.IndexOf('}', i + 2);
            if (close < 0) return (references, true);
            references.Add(text[(i + 2)..close]);
            i = close;
        }
        return (references, false);
    }

    public static bool Contains(string text)
    {
        var (references, unterminated) = Find(text);
        return references.Count > 0 || unterminated;
    }
}

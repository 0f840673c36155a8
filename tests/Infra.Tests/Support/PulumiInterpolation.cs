using System.Text;

namespace Infra.Tests.Support;

/// <summary>
/// Reads a string the way Pulumi YAML's interpolation parser does: <c>$$</c> is a literal <c>$</c>,
/// <c>${...}</c> is a reference, any other character is literal. Lets tests prove that what the
/// emitter wrote is what Pulumi will see.
/// </summary>
public static class PulumiInterpolation
{
    public sealed record Part(string? Text, string? Reference);

    public static IReadOnlyList<Part> Parse(string value)
    {
        var parts = new List<Part>();
        var text = new StringBuilder();
        for (var i = 0; i < value.Length;)
        {
            if (value.AsSpan(i).StartsWith("$$")) { text.Append('$'); i += 2; }
            else if (value.AsSpan(i).StartsWith("${"))
            {
                var end = value.IndexOf('}', i);
                if (end < 0) throw new FormatException("unterminated interpolation");
                if (text.Length > 0) { parts.Add(new Part(text.ToString(), null)); text.Clear(); }
                parts.Add(new Part(null, value[(i + 2)..end]));
                i = end + 1;
            }
            else { text.Append(value[i]); i++; }
        }
        if (text.Length > 0) parts.Add(new Part(text.ToString(), null));
        return parts;
    }

    /// <summary>The literal a string decodes to; fails if it contains a reference.</summary>
    public static string Literal(string value)
    {
        var parts = Parse(value);
        Assert.All(parts, p => Assert.Null(p.Reference));
        return string.Concat(parts.Select(p => p.Text));
    }
}

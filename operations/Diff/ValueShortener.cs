using System.Text;

namespace Infra.Operations.Diff;

/// <summary>
/// Shortens a one-line display value (see <see cref="ValueText.Display"/>) at a safe place: after a whole
/// list item or map entry, else between words of a string, never inside a <c>${...}</c> reference, an escape
/// or a surrogate pair; open quotes and brackets are closed again, so what is shown still reads as a value.
/// </summary>
public static class ValueShortener
{
    private const string Ellipsis = "…";

    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var suffix = $" ({text.Length} chars)";
        var cut = BestCut(text, maxLength - suffix.Length);
        return cut + suffix;
    }

    /// <summary>Where a cut may happen, and what must close after it.</summary>
    private readonly record struct Cut(int Position, bool InString, string Closers, bool ElementBoundary);

    private static string BestCut(string text, int budget)
    {
        Cut? element = null, word = null, anywhere = null;
        var open = new Stack<char>();
        var inString = false;
        var inReference = false;
        for (var i = 0; i < text.Length; i++)
        {
            var closers = Closers(open, inString);
            // What the cut adds after position i: the ellipsis (plus ", " before it for an element), closers.
            var cost = i + Ellipsis.Length + closers.Length;
            if (cost > budget) break;

            var c = text[i];
            var safeChar = !inReference && !char.IsLowSurrogate(c);
            if (safeChar) anywhere = new Cut(i, inString, closers, false);
            if (inString)
            {
                if (c == '\\') { i++; continue; }  // never split an escape
                if (c == '"') inString = false;
                else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{') inReference = true;
                else if (c == '}' && inReference) inReference = false;
                else if (!inReference && (c == ' ' || (i > 0 && text[i - 1] is '/' or ',' or ';' or ':' or '-'))) word = new Cut(i, true, closers, false);
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '[': open.Push(']'); break;
                case '{': open.Push('}'); break;
                case ']' or '}' when open.Count > 0: open.Pop(); break;
                case ',': element = new Cut(i, false, closers, true); break;
            }
        }

        // An element boundary keeps whole items; take it unless it throws away most of the room.
        var chosen = element is { } e && e.Position >= budget / 2 ? e
            : word is { } w && w.Position >= budget / 2 ? w
            : element ?? word ?? anywhere ?? new Cut(0, false, "", false);
        var shown = text[..chosen.Position];
        return chosen.ElementBoundary
            ? shown + ", " + Ellipsis + chosen.Closers
            : shown + Ellipsis + chosen.Closers;
    }

    private static string Closers(Stack<char> open, bool inString)
    {
        var closers = new StringBuilder();
        if (inString) closers.Append('"');
        foreach (var bracket in open) closers.Append(bracket);  // innermost first
        return closers.ToString();
    }
}

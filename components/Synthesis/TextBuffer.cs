namespace Infra.Synthesis;

/// <summary>
/// A growable run of characters that is cleared and reused: the program writer composes each escaped literal,
/// reference and interpolation in one, and writes it out as a span, instead of allocating a string per value.
/// </summary>
internal sealed class TextBuffer
{
    private char[] chars;
    private int length;

    public TextBuffer(int capacity = 256) => chars = new char[capacity];

    public int Length => length;

    public ReadOnlySpan<char> Span => chars.AsSpan(0, length);

    public TextBuffer Clear()
    {
        length = 0;
        return this;
    }

    public void Append(char c)
    {
        if (length == chars.Length) Grow(1);
        chars[length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (length + text.Length > chars.Length) Grow(text.Length);
        text.CopyTo(chars.AsSpan(length));
        length += text.Length;
    }

    /// <summary>Appends <paramref name="value"/> in its invariant form, without a string.</summary>
    public void Append(int value)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        Append(digits[..written]);
    }

    public override string ToString() => new(Span);

    private void Grow(int needed) => Array.Resize(ref chars, Math.Max(chars.Length * 2, length + needed));
}

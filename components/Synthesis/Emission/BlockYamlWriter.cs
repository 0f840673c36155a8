using System.Buffers;
using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace Infra.Synthesis.Emission;

/// <summary>
/// Writes block-style YAML straight into a <see cref="StringBuilder"/>, byte for byte what YamlDotNet's
/// <see cref="Emitter"/> writes for the same events with the settings the program writer used
/// (indent 2, no line folding, indentless sequences, "\n" line breaks, a Unicode output). It is that
/// emitter's scalar analysis, style choice and indentation logic without its event queue and per-event
/// objects, which made it the largest single cost of synthesizing a big program. Flow style appears only
/// for empty collections (<c>[]</c>, <c>{}</c>), as in the emitter. A test compares the two on tricky text.
/// The program writer and the writer of generated server configuration (ProvisioningYaml) use it.
/// </summary>
public sealed class BlockYamlWriter
{
    private const int BestIndent = 2;
    private const int MaxSimpleKeyLength = 1024;

    private readonly StringBuilder output;
    private readonly Stack<int> indents = new();
    private readonly Stack<Frame> frames = new();
    private int indent = -1;
    private int column;
    private bool isWhitespace = true;
    private bool isIndentation = true;
    private bool complexKeyPending;

    // The emitter keeps the last analysis in fields, and an empty scalar does not reset HasSingleQuotes: kept alike.
    private bool isMultiline;
    private bool isBlockPlainAllowed;
    private bool isSingleQuotedAllowed;
    private bool isBlockAllowed;
    private bool hasSingleQuotes;

    private enum Frame { Root, Mapping, Sequence }

    public BlockYamlWriter(int capacity = 16) => output = new StringBuilder(capacity);

    /// <summary>The document so far (after <see cref="EndDocument"/>, all of it).</summary>
    public override string ToString() => output.ToString();

    public int Length => output.Length;

    /// <summary>Copies the document to <paramref name="writer"/> a chunk at a time, never as one string: a large program stays out of the large-object heap.</summary>
    public void WriteTo(TextWriter writer)
    {
        foreach (var chunk in output.GetChunks()) writer.Write(chunk.Span);
    }

    /// <summary>Ends the document with a line break unless it ends with one already.</summary>
    public void EndWithLineBreak()
    {
        if (output.Length == 0 || output[^1] != '\n') output.Append('\n');
    }

    public void BeginDocument() => frames.Push(Frame.Root);

    public void EndDocument()
    {
        frames.Pop();
        WriteIndent();
    }

    /// <summary>A comment on its own line(s), as the emitter writes a non-inline comment outside a mapping's first key.</summary>
    public void Comment(string text)
    {
        foreach (var line in text.Split(["\r\n", "\r", "\n"], StringSplitOptions.None))
        {
            WriteIndent();
            Write("# ");
            Write(line);
            WriteBreak();
        }
        isIndentation = true;
    }

    /// <summary>A block mapping with at least one entry (an empty one is <see cref="EmptyMapping"/>, as the emitter writes <c>{}</c>).</summary>
    public void BeginMapping()
    {
        BeginNode();
        frames.Push(Frame.Mapping);
        IncreaseIndent(false, false);
    }

    public void EndMapping()
    {
        frames.Pop();
        indent = indents.Pop();
    }

    /// <summary>A block sequence with at least one item (an empty one is <see cref="EmptySequence"/>).</summary>
    public void BeginSequence()
    {
        var mappingContext = BeginNode();
        frames.Push(Frame.Sequence);
        IncreaseIndent(false, mappingContext && !isIndentation);
    }

    public void EndSequence()
    {
        frames.Pop();
        indent = indents.Pop();
    }

    /// <summary><c>{}</c>: the emitter writes an empty mapping in flow style.</summary>
    public void EmptyMapping() => EmptyFlow('{', '}');

    /// <summary><c>[]</c>: the emitter writes an empty sequence in flow style.</summary>
    public void EmptySequence() => EmptyFlow('[', ']');

    private void EmptyFlow(char open, char close)
    {
        BeginNode();
        WriteIndicator(open, true, true, false);
        WriteIndicator(close, false, false, false);
    }

    /// <summary>A mapping key: a simple key (<c>key:</c>) when it fits on one line, else an explicit one (<c>? key</c> and <c>: value</c>).</summary>
    public void Key(string text, ScalarStyle style) => Key(text.AsSpan(), style);

    /// <inheritdoc cref="Key(string, ScalarStyle)"/>
    public void Key(ReadOnlySpan<char> text, ScalarStyle style)
    {
        WriteIndent();
        if (style == ScalarStyle.Plain && text.Length <= MaxSimpleKeyLength && IsSimplePlain(text))
        {
            WriteSimplePlain(text);
            WriteIndicator(':', false, false, false);
            return;
        }
        Analyze(text);
        if (!isMultiline && text.Length <= MaxSimpleKeyLength)
        {
            WriteScalar(text, style, simpleKey: true, nullTag: false);
            WriteIndicator(':', false, false, false);
            return;
        }
        WriteIndicator('?', true, false, true);
        WriteScalar(text, style, simpleKey: false, nullTag: false);
        complexKeyPending = true;
    }

    /// <summary>A scalar value; <paramref name="nullTag"/> marks an empty scalar tagged as null (written plain, as nothing).</summary>
    public void Scalar(string text, ScalarStyle style, bool nullTag = false) => Scalar(text.AsSpan(), style, nullTag);

    /// <inheritdoc cref="Scalar(string, ScalarStyle, bool)"/>
    public void Scalar(ReadOnlySpan<char> text, ScalarStyle style, bool nullTag = false)
    {
        BeginNode();
        if (style == ScalarStyle.Plain && IsSimplePlain(text))
        {
            WriteSimplePlain(text);
            return;
        }
        Analyze(text, nullTag);
        WriteScalar(text, style, simpleKey: false, nullTag);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is one line of printable ASCII that the emitter's analysis allows plain
    /// (<see cref="Analyze"/>: no leading or trailing space, no indicator first, no <c>": "</c> or <c>" #"</c>), so that
    /// it is written as it is. Most keys and values are; the rest take the full analysis. Conservative: text it refuses
    /// may still be plain after the analysis.
    /// </summary>
    private static bool IsSimplePlain(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || text.ContainsAnyExceptInRange(' ', '~')) return false;
        if (NotSimpleFirst.Contains(text[0]) || text[^1] is ' ' or ':') return false;
        return !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal);
    }

    // Plain text that passed IsSimplePlain, written as WriteScalar writes it. Of the analysis, only HasSingleQuotes is read
    // before the next Analyze sets it (an empty scalar keeps it): it is left as Analyze would leave it.
    private void WriteSimplePlain(ReadOnlySpan<char> text)
    {
        hasSingleQuotes = text.Contains('\'');
        if (!isWhitespace) Write(' ');
        Append(text);
        isWhitespace = false;
        isIndentation = false;
    }

    // Starts a node where its parent expects one; true when that parent is a mapping.
    private bool BeginNode()
    {
        switch (frames.Peek())
        {
            case Frame.Sequence:
                WriteIndent();
                WriteIndicator('-', true, false, true);
                return false;
            case Frame.Mapping:
                if (complexKeyPending)
                {
                    complexKeyPending = false;
                    WriteIndent();
                    WriteIndicator(':', true, false, true);
                }
                return true;
            default:
                return false;
        }
    }

    private void WriteScalar(ReadOnlySpan<char> value, ScalarStyle requested, bool simpleKey, bool nullTag)
    {
        var style = SelectStyle(value, requested, simpleKey);
        indents.Push(indent);
        indent = indent < 0 ? BestIndent : indent + BestIndent;
        switch (style)
        {
            case ScalarStyle.Plain: WritePlain(value, !simpleKey); break;
            case ScalarStyle.SingleQuoted: WriteSingleQuoted(value); break;
            case ScalarStyle.DoubleQuoted: WriteDoubleQuoted(value); break;
            case ScalarStyle.Literal: WriteLiteral(value); break;
            case ScalarStyle.Folded: WriteFolded(value); break;
            default: throw new InvalidOperationException($"No writer for scalar style {style}.");
        }
        indent = indents.Pop();
        _ = nullTag;
    }

    private ScalarStyle SelectStyle(ReadOnlySpan<char> value, ScalarStyle style, bool simpleKey)
    {
        if (style == ScalarStyle.Any) style = isMultiline ? ScalarStyle.Folded : ScalarStyle.Plain;
        if (simpleKey && isMultiline) style = ScalarStyle.DoubleQuoted;
        if (style == ScalarStyle.Plain)
        {
            if (!isBlockPlainAllowed) style = isSingleQuotedAllowed && !hasSingleQuotes ? ScalarStyle.SingleQuoted : ScalarStyle.DoubleQuoted;
            if (value.Length == 0 && simpleKey) style = ScalarStyle.SingleQuoted;
        }
        if (style == ScalarStyle.SingleQuoted && !isSingleQuotedAllowed) style = ScalarStyle.DoubleQuoted;
        if (style is ScalarStyle.Literal or ScalarStyle.Folded && (!isBlockAllowed || simpleKey)) style = ScalarStyle.DoubleQuoted;
        if (style == ScalarStyle.ForcePlain) style = ScalarStyle.Plain;
        return style;
    }

    // The emitter's AnalyzeScalar, for block context (the only one where this writer puts scalars). The emitter walks
    // every character through a state machine; the flags it sets depend only on the first and last characters and on
    // the neighbours of a few others (':', '#', quotes, line breaks, what is not printable), so those are all that is
    // visited here: a large script is mostly runs of other characters, skipped at once.
    private void Analyze(ReadOnlySpan<char> value, bool nullTag = false)
    {
        if (value.Length == 0)
        {
            isMultiline = false;
            isBlockPlainAllowed = nullTag;
            isSingleQuotedAllowed = !nullTag;
            isBlockAllowed = false;
            return;
        }

        var first = value[0];
        var last = value[^1];
        var blockIndicators = value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal);
        if (first is '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '"' or '%' or '@' or '`' or '\'')
            blockIndicators = true;
        if (first is '?' or ':' or '-' && IsWhiteBreakOrZero(value, 1)) blockIndicators = true;
        var leadingSpace = first == ' ';
        var leadingBreak = IsBreak(first);
        var trailingSpace = last == ' ';
        var trailingBreak = IsBreak(last);
        var leadingQuote = first == '\'';
        bool breakSpace = false, spaceBreak = false, lineBreaks = false, specialCharacters = false, singleQuotes = false, linesOfSpaces = false;

        for (var i = 0; i < value.Length; i++)
        {
            var skip = value[i..].IndexOfAnyExcept(Unremarkable);
            if (skip < 0) break;
            i += skip;
            var c = value[i];
            switch (c)
            {
                case ':':
                    if (i > 0 && IsWhiteBreakOrZero(value, i + 1)) blockIndicators = true;
                    break;
                case '#':
                    if (i > 0 && IsWhiteBreakOrZero(value[i - 1])) blockIndicators = true;
                    break;
                case '\'':
                    singleQuotes = true;
                    break;
                case '\r' or '\n' or '\x85' or '\x2028' or '\x2029':
                    lineBreaks = true;
                    if (i > 0 && value[i - 1] == ' ') spaceBreak = true;
                    // A break, then spaces: a space after a break, and a line of nothing but spaces when another break ends them.
                    var spaces = value[(i + 1)..].IndexOfAnyExcept(' ');
                    if (spaces != 0 && i + 1 < value.Length) breakSpace = true;
                    if (spaces > 0 && IsBreak(value[i + 1 + spaces])) linesOfSpaces = true;
                    break;
                default:
                    if (!IsPrintable(c)) specialCharacters = true;
                    break;
            }
        }

        isBlockPlainAllowed = true;
        isSingleQuotedAllowed = true;
        isBlockAllowed = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || leadingQuote) isBlockPlainAllowed = false;
        if (trailingSpace) isBlockAllowed = false;
        if (breakSpace || spaceBreak || specialCharacters)
        {
            isBlockPlainAllowed = false;
            isSingleQuotedAllowed = false;
        }
        if (linesOfSpaces) isBlockAllowed = false;
        isMultiline = lineBreaks;
        if (lineBreaks || blockIndicators) isBlockPlainAllowed = false;
        hasSingleQuotes = singleQuotes;
    }

    private void WritePlain(ReadOnlySpan<char> value, bool allowBreaks)
    {
        if (!isWhitespace) Write(' ');
        var previousBreak = false;
        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (!SpaceOrBreak.Contains(character))
            {
                // The characters up to the next space or break go as they are, in one append.
                var end = value[index..].IndexOfAny(SpaceOrBreak);
                var count = end < 0 ? value.Length - index : end;
                if (previousBreak) WriteIndent();
                Append(value.Slice(index, count));
                index += count - 1;
                isIndentation = false;
                previousBreak = false;
            }
            else if (character == ' ')
            {
                Write(character); // no folding: the line width is unlimited
            }
            else if (IsBreak(character, out var breakCharacter))
            {
                if (!previousBreak && character == '\n') WriteBreak();
                WriteBreak(breakCharacter);
                isIndentation = true;
                previousBreak = true;
            }
            else
            {
                if (previousBreak) WriteIndent();
                Write(character);
                isIndentation = false;
                previousBreak = false;
            }
        }
        isWhitespace = false;
        isIndentation = false;
        _ = allowBreaks;
    }

    private void WriteSingleQuoted(ReadOnlySpan<char> value)
    {
        WriteIndicator('\'', true, false, false);
        var previousBreak = false;
        foreach (var character in value)
        {
            if (character == ' ')
            {
                Write(character);
            }
            else if (IsBreak(character, out var breakCharacter))
            {
                if (!previousBreak && character == '\n') WriteBreak();
                WriteBreak(breakCharacter);
                isIndentation = true;
                previousBreak = true;
            }
            else
            {
                if (previousBreak) WriteIndent();
                if (character == '\'') Write(character);
                Write(character);
                isIndentation = false;
                previousBreak = false;
            }
        }
        WriteIndicator('\'', false, false, false);
        isWhitespace = false;
        isIndentation = false;
    }

    private void WriteDoubleQuoted(ReadOnlySpan<char> value)
    {
        WriteIndicator('"', true, false, false);
        var start = 0; // runs of characters written as they are go in one append
        for (var index = 0; index < value.Length; index++)
        {
            var skip = value[index..].IndexOfAnyExcept(QuotedAsIs);
            if (skip < 0) break;
            index += skip;
            var character = value[index];
            if (character is not ('"' or '\\') && IsPrintable(character) && !IsBreak(character)) continue;
            Append(value[start..index]);
            Write('\\');
            switch (character)
            {
                case '\0': Write('0'); break;
                case '\x7': Write('a'); break;
                case '\x8': Write('b'); break;
                case '\x9': Write('t'); break;
                case '\xA': Write('n'); break;
                case '\xB': Write('v'); break;
                case '\xC': Write('f'); break;
                case '\xD': Write('r'); break;
                case '\x1B': Write('e'); break;
                case '\x22': Write('"'); break;
                case '\x5C': Write('\\'); break;
                case '\x85': Write('N'); break;
                case '\xA0': Write('_'); break;
                case '\x2028': Write('L'); break;
                case '\x2029': Write('P'); break;
                default:
                    var code = (ushort)character;
                    if (code <= 0xFF)
                    {
                        Write('x');
                        Write(code.ToString("X02", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(character))
                    {
                        if (index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
                        {
                            Write('U');
                            Write(char.ConvertToUtf32(character, value[index + 1]).ToString("X08", CultureInfo.InvariantCulture));
                            index++;
                        }
                        else
                        {
                            throw new SyntaxErrorException("While writing a quoted scalar, found an orphaned high surrogate.");
                        }
                    }
                    else
                    {
                        Write('u');
                        Write(code.ToString("X04", CultureInfo.InvariantCulture));
                    }
                    break;
            }
            start = index + 1;
        }
        Append(value[start..]);
        WriteIndicator('"', false, false, false);
        isWhitespace = false;
        isIndentation = false;
    }

    private void WriteLiteral(ReadOnlySpan<char> value)
    {
        var previousBreak = true;
        WriteIndicator('|', true, false, false);
        WriteBlockScalarHints(value);
        WriteBreak();
        isIndentation = true;
        isWhitespace = true;
        // A line at a time: its characters go as they are, indented when it has any; each break is written as a '\n'
        // (a "\r\n" as one), a line or paragraph separator as itself.
        var index = 0;
        while (index < value.Length)
        {
            var end = value[index..].IndexOfAny(Breaks);
            var line = end < 0 ? value[index..] : value.Slice(index, end);
            if (line.Length > 0)
            {
                if (previousBreak) WriteIndent();
                Append(line);
                isIndentation = false;
                previousBreak = false;
            }
            if (end < 0) break;
            index += line.Length;
            var character = value[index++];
            if (character == '\r' && index < value.Length && value[index] == '\n') continue;
            IsBreak(character, out var breakCharacter);
            WriteBreak(breakCharacter);
            isIndentation = true;
            previousBreak = true;
        }
    }

    private void WriteFolded(ReadOnlySpan<char> value)
    {
        var previousBreak = true;
        var leadingSpaces = true;
        WriteIndicator('>', true, false, false);
        WriteBlockScalarHints(value);
        WriteBreak();
        isIndentation = true;
        isWhitespace = true;
        for (var i = 0; i < value.Length; i++)
        {
            var character = value[i];
            if (IsBreak(character, out var breakCharacter))
            {
                if (character == '\r' && i + 1 < value.Length && value[i + 1] == '\n') continue;
                if (!previousBreak && !leadingSpaces && breakCharacter == '\n')
                {
                    var k = 0;
                    while (i + k < value.Length && IsBreak(value[i + k])) k++;
                    if (i + k < value.Length && !(IsBlank(value[i + k]) || IsBreak(value[i + k]))) WriteBreak();
                }
                WriteBreak(breakCharacter);
                isIndentation = true;
                previousBreak = true;
            }
            else
            {
                if (previousBreak)
                {
                    WriteIndent();
                    leadingSpaces = IsBlank(character);
                }
                Write(character);
                isIndentation = false;
                previousBreak = false;
            }
        }
    }

    private void WriteBlockScalarHints(ReadOnlySpan<char> value)
    {
        if (value[0] == ' ' || IsBreak(value[0])) WriteIndicator((char)('0' + BestIndent), false, false, false);
        if (!IsBreak(value[^1])) WriteIndicator('-', false, false, false);
        else if (value.Length >= 2 && IsBreak(value[^2])) WriteIndicator('+', false, false, false);
    }

    private void IncreaseIndent(bool isFlow, bool isIndentless)
    {
        indents.Push(indent);
        if (indent < 0) indent = isFlow ? BestIndent : 0;
        else if (!isIndentless) indent += BestIndent;
    }

    private void WriteIndicator(char indicator, bool needWhitespace, bool whitespace, bool indentation)
    {
        if (needWhitespace && !isWhitespace) Write(' ');
        Write(indicator);
        isWhitespace = whitespace;
        isIndentation &= indentation;
    }

    private void WriteIndent()
    {
        var currentIndent = Math.Max(indent, 0);
        if (!isIndentation || column > currentIndent || (column == currentIndent && !isWhitespace)) WriteBreak();
        if (column < currentIndent)
        {
            output.Append(' ', currentIndent - column);
            column = currentIndent;
        }
        isWhitespace = true;
        isIndentation = true;
    }

    private void Write(char value)
    {
        output.Append(value);
        column++;
    }

    private void Write(string value)
    {
        output.Append(value);
        column += value.Length;
    }

    private void Append(ReadOnlySpan<char> value)
    {
        output.Append(value);
        column += value.Length;
    }

    private void WriteBreak(char breakCharacter = '\n')
    {
        output.Append(breakCharacter);
        column = 0;
    }

    // Printable characters that mean nothing to the scalar analysis wherever they are but first or last: all of
    // printable ASCII and the tab, but for ':' and '#' (whose meaning depends on their neighbours) and the quote.
    private static readonly SearchValues<char> Unremarkable =
        SearchValues.Create("\t !\"$%&()*+,-./0123456789;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    // Characters a double-quoted scalar holds as they are: printable ASCII but for the quote and the backslash.
    private static readonly SearchValues<char> QuotedAsIs =
        SearchValues.Create(" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    // First characters IsSimplePlain leaves to the full analysis: a space, the indicators, and '-', '?', ':', '.' (which
    // may start "---", "...", or an indicator followed by a space).
    private static readonly SearchValues<char> NotSimpleFirst = SearchValues.Create(" #,[]{}&*!|>\"%@`'-?:.");

    private static readonly SearchValues<char> Breaks = SearchValues.Create("\r\n\x85\u2028\u2029");

    private static readonly SearchValues<char> SpaceOrBreak = SearchValues.Create(" \r\n\x85\u2028\u2029");

    private static bool IsBreak(char c) => c is '\r' or '\n' or '\x85' or '\x2028' or '\x2029';

    private static bool IsBreak(char c, out char breakCharacter)
    {
        switch (c)
        {
            case '\r' or '\n' or '\x85':
                breakCharacter = '\n';
                return true;
            case '\x2028' or '\x2029':
                breakCharacter = c;
                return true;
            default:
                breakCharacter = '\0';
                return false;
        }
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';

    private static bool IsWhiteBreakOrZero(char c) => c is ' ' or '\t' or '\0' || IsBreak(c);

    private static bool IsWhiteBreakOrZero(ReadOnlySpan<char> text, int index) => index >= text.Length || IsWhiteBreakOrZero(text[index]);

    private static bool IsPrintable(char c) =>
        c is '\x9' or '\xA' or '\xD' or (>= '\x20' and <= '\x7E') or '\x85' or (>= '\xA0' and <= '\xD7FF') or (>= '\xE000' and <= '\xFFFD');
}

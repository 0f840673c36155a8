using System.Text;
using Infra.Synthesis.Emission;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infra.Tests.Core;

/// <summary>
/// The program writer writes YAML itself (<see cref="BlockYamlWriter"/>) instead of through YamlDotNet's
/// emitter, which cost most of a large synthesis. Programs must not change by a byte: these drive both with
/// the same document, in every position a scalar can take (key, mapping value, sequence item, nested), for
/// text that exercises each style decision, and require identical output. The tier snapshots pin real programs.
/// </summary>
public sealed class BlockYamlWriterTests
{
    public static readonly string[] Tricky =
    [
        "plain", "0644", "123", "-1", "+1.5", ".5", "true", "null", "~", "", " ", " leading", "trailing ", "a: b", "a:b", "key:",
        "#comment", "a #b", "a#b", "- dash", "-", "-x", "?", "?q", "? q", ":", ": x", ":x", "---", "--- x", "...", "...x", "it's",
        "'quoted'", "it's: here", "say \"hi\"", "back\\slash", "tab\there", "\ttab first", "multi\nline\n", "multi\nline without end",
        "  indented\nblock\n", "\nleading break", "trailing breaks\n\n", "three\n\n\n", "space \nbreak", "break\n space", "lines\n  \nof spaces",
        "crlf\r\nline", "cr\ronly", "cr end\r", "nel\x85line", "ls\u2028ps\u2029", "ünïcode", "emoji 😀", "\u0001control", "del\x7f",
        "nbsp\u00a0", "bom\ufeff", "low\udc00", "bell\a", "esc\x1b", "nul\0", "*star", "&amp", "!tag", "%percent", "@at", "`tick", "[list]",
        "{map}", "a,b", "|pipe", ">gt", "${ref.prop}", "$${escaped}", "http://x.example/y?z=1#f", "#!/bin/bash\nset -eu\necho \"$HOME\"\n",
        "{\n  \"json\": true\n}", "x\n\ty\n", " \n", "\n", "\n\n", new string('k', 1025), "multi\nline key",
    ];

    private static readonly ScalarStyle[] Styles =
        [ScalarStyle.Any, ScalarStyle.Plain, ScalarStyle.SingleQuoted, ScalarStyle.DoubleQuoted, ScalarStyle.Literal, ScalarStyle.Folded];

    // A document: a string is a scalar, a (string, object)[] a mapping, an object[] a sequence.
    private static object Document(string text) => new (string, object)[]
    {
        (text, text),
        ("list", new object[] { text, new (string, object)[] { (text, text), ("after", text) }, new object[] { text, new object[] { text } }, text }),
        ("nested", new (string, object)[] { ("k", text), ("inner", new (string, object)[] { (text, new object[] { text }) }) }),
        ("empty", new object[] { Array.Empty<object>(), Array.Empty<(string, object)>() }),
        ("emptyMap", Array.Empty<(string, object)>()),
        ("last", text),
    };

    [Fact]
    public void Every_scalar_in_every_position_and_style_is_written_as_the_yamldotnet_emitter_writes_it()
    {
        var mismatches = new List<string>();
        foreach (var style in Styles)
        foreach (var text in Tricky)
        {
            var document = Document(text);
            var expected = WithEmitter(document, style);
            var actual = WithWriter(document, style);
            if (expected != actual) mismatches.Add($"{style} {Show(text)}:\n--- emitter\n{expected}--- writer\n{actual}");
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} documents differ; first:\n{mismatches.FirstOrDefault()}");
    }

    /// <summary>
    /// Text built from the characters whose meaning depends on their neighbours (spaces, breaks, ':', '#', quotes,
    /// '-', '?') between runs of ordinary ones, which the writer skips and appends a run at a time.
    /// </summary>
    [Fact]
    public void Random_text_of_ordinary_runs_and_meaningful_characters_is_written_as_the_emitter_writes_it()
    {
        string[] pieces = ["a", "bc-d.e/f", "${x.y}", "0", " ", "  ", "\n", "\r\n", ":", ": ", "#", " #", "'", "\"", "-", "?", "\t", "\u00e9", "\u2028", "{", "---", "..."];
        var random = new Random(2026);
        var mismatches = new List<string>();
        for (var n = 0; n < 4000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => pieces[random.Next(pieces.Length)]));
            var style = Styles[n % Styles.Length];
            object document = new (string, object)[] { (text, text), ("list", new object[] { text, new (string, object)[] { ("k", text) } }) };
            if (WithEmitter(document, style) != WithWriter(document, style)) mismatches.Add($"{style} {Show(text)}");
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} documents differ, e.g. {string.Join(", ", mismatches.Take(5))}");
    }

    /// <summary>
    /// The writer decides most of a scalar from the characters that matter (plain text it can write at once, the analysis
    /// of ':', '#', quotes, breaks and what is not printable, a literal block a line at a time, quoted runs): random text
    /// of those characters next to each other, at the start and at the end, must still be written as the emitter writes it.
    /// </summary>
    [Fact]
    public void Random_text_of_every_kind_of_character_is_written_as_the_emitter_writes_it_and_spans_as_strings()
    {
        string[] pieces =
        [
            "a", "Zq9", "$", "${x}", " ", "  ", "\n", "\r\n", "\r", "\x85", "\u2028", "\u2029", ":", "#", "'", "\"", "\\", "-", "?", ".", "\t",
            "\0", "\u0001", "\u007f", "\u00a0", "\u00e9", "\ufeff", "😀", "---", "...", "|", ">", "%", "@", "`", ",", "[", "}", "&", "*", "!",
        ];
        var random = new Random(1024);
        var mismatches = new List<string>();
        for (var n = 0; n < 6000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => pieces[random.Next(pieces.Length)]));
            var style = Styles[n % Styles.Length];
            object document = new (string, object)[] { (text, text), ("list", new object[] { text, new (string, object)[] { ("k", text) } }), ("last", "x") };
            var expected = WithEmitter(document, style);
            if (expected != WithWriter(document, style) || expected != WithWriter(document, style, spans: true))
                mismatches.Add($"{style} {Show(text)}");
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} documents differ, e.g. {string.Join(", ", mismatches.Take(5))}");
    }

    /// <summary>Plain text the writer writes without the full analysis leaves the state the analysis would: an empty scalar after it proves it.</summary>
    [Theory]
    [InlineData("it's")]
    [InlineData("its")]
    [InlineData("a:b")]
    public void An_empty_scalar_after_plain_text_is_quoted_as_the_emitter_quotes_it(string before)
    {
        object document = new (string, object)[] { ("list", new object[] { before, "" }) };
        Assert.Equal(WithEmitter(document, ScalarStyle.Plain), WithWriter(document, ScalarStyle.Plain));
        document = new (string, object)[] { (before, "") };
        Assert.Equal(WithEmitter(document, ScalarStyle.Plain), WithWriter(document, ScalarStyle.Plain));
    }

    [Fact]
    public void A_root_sequence_and_a_root_scalar_are_written_as_the_emitter_writes_them()
    {
        foreach (var text in Tricky)
        {
            object[] sequence = [text, new object[] { text }, new (string, object)[] { ("k", text) }];
            Assert.Equal(WithEmitter(sequence, ScalarStyle.Plain), WithWriter(sequence, ScalarStyle.Plain));
            Assert.Equal(WithEmitter(text, ScalarStyle.Literal), WithWriter(text, ScalarStyle.Literal));
        }
    }

    [Fact]
    public void An_empty_scalar_tagged_null_is_written_plain_as_the_emitter_writes_it()
    {
        var emitted = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(emitted, new EmitterSettings(2, int.MaxValue, false, 1024, false, false, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
        emitter.Emit(new Scalar(null, null, "key", ScalarStyle.Plain, true, true));
        emitter.Emit(new Scalar(AnchorName.Empty, new TagName("tag:yaml.org,2002:null"), "", ScalarStyle.Plain, true, false));
        emitter.Emit(new Scalar(null, null, "next", ScalarStyle.Plain, true, true));
        emitter.Emit(new Scalar(null, null, "", ScalarStyle.Plain, true, true));
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());

        var writer = new BlockYamlWriter();
        writer.BeginDocument();
        writer.BeginMapping();
        writer.Key("key", ScalarStyle.Plain);
        writer.Scalar("", ScalarStyle.Plain, nullTag: true);
        writer.Key("next", ScalarStyle.Plain);
        writer.Scalar("", ScalarStyle.Plain);
        writer.EndMapping();
        writer.EndDocument();

        Assert.Equal("key: \nnext: ''\n", emitted.ToString()); // plain and empty: the space after the colon stays
        Assert.Equal(emitted.ToString(), writer.ToString());
    }

    private static string WithEmitter(object document, ScalarStyle style)
    {
        var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, false, false, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new Comment("a comment", false));
        Emit(emitter, document, style);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, object node, ScalarStyle style)
    {
        switch (node)
        {
            case string text:
                emitter.Emit(new Scalar(null, null, text, style, true, true));
                break;
            case (string, object)[] { Length: 0 }:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Flow));
                emitter.Emit(new MappingEnd());
                break;
            case (string Key, object Value)[] mapping:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, value) in mapping)
                {
                    Emit(emitter, key, style);
                    Emit(emitter, value, style);
                }
                emitter.Emit(new MappingEnd());
                break;
            case object[] { Length: 0 }:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Flow));
                emitter.Emit(new SequenceEnd());
                break;
            case object[] sequence:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var item in sequence) Emit(emitter, item, style);
                emitter.Emit(new SequenceEnd());
                break;
        }
    }

    private static string WithWriter(object document, ScalarStyle style, bool spans = false)
    {
        var writer = new BlockYamlWriter();
        writer.BeginDocument();
        writer.Comment("a comment");
        Write(writer, document, style, spans);
        writer.EndDocument();
        return writer.ToString();
    }

    private static void Write(BlockYamlWriter writer, object node, ScalarStyle style, bool spans = false)
    {
        switch (node)
        {
            case string text when spans:
                writer.Scalar(text.AsSpan(), style);
                break;
            case string text:
                writer.Scalar(text, style);
                break;
            case (string, object)[] { Length: 0 }:
                writer.EmptyMapping();
                break;
            case (string Key, object Value)[] mapping:
                writer.BeginMapping();
                foreach (var (key, value) in mapping)
                {
                    if (spans) writer.Key(key.AsSpan(), style);
                    else writer.Key(key, style);
                    Write(writer, value, style, spans);
                }
                writer.EndMapping();
                break;
            case object[] { Length: 0 }:
                writer.EmptySequence();
                break;
            case object[] sequence:
                writer.BeginSequence();
                foreach (var item in sequence) Write(writer, item, style, spans);
                writer.EndSequence();
                break;
        }
    }

    private static string Show(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > 40 ? text[..40] + "…" : text)
            shown.Append(c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString());
        return shown.ToString();
    }
}

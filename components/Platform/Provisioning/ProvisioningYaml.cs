using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Synthesis.Emission;
using YamlDotNet.Core;

namespace Infra.Platform.Provisioning;

/// <summary>
/// One YAML writer for generated server configuration: block style, insertion order kept (inputs are
/// <see cref="OrderedDictionary{TKey,TValue}"/>), ambiguous strings such as '0644' quoted, and
/// multi-line strings as literal blocks so embedded scripts stay readable in the output.
/// It writes what YamlDotNet's emitter wrote for the events YamlDotNet's serializer sent for the same documents
/// (built with WithQuotingNecessaryStrings, no aliases and literal multi-line strings), byte for byte, through
/// <see cref="BlockYamlWriter"/> (that emitter's logic without its per-event objects; no reflection, so the
/// compiler runs natively).
/// </summary>
public static partial class ProvisioningYaml
{
    public static string Serialize(object document)
    {
        var writer = new BlockYamlWriter(4096);
        writer.BeginDocument();
        Write(writer, document);
        writer.EndDocument();
        return writer.ToString().ReplaceLineEndings("\n");
    }

    private static void Write(BlockYamlWriter writer, object? value)
    {
        switch (value)
        {
            case IDictionary { Count: 0 }:
                writer.EmptyMapping();
                break;
            case IDictionary mapping:
                writer.BeginMapping();
                foreach (DictionaryEntry entry in mapping)
                {
                    var (key, style) = Scalar(entry.Key);
                    writer.Key(key, style);
                    Write(writer, entry.Value);
                }
                writer.EndMapping();
                break;
            case IEnumerable sequence and not string:
                var items = sequence.GetEnumerator();
                if (!items.MoveNext())
                {
                    writer.EmptySequence();
                    break;
                }
                writer.BeginSequence();
                do Write(writer, items.Current); while (items.MoveNext());
                writer.EndSequence();
                break;
            case null:
                writer.Scalar("", ScalarStyle.Plain, nullTag: true);
                break;
            default:
                var (text, textStyle) = Scalar(value);
                writer.Scalar(text, textStyle);
                break;
        }
    }

    private static (string Text, ScalarStyle Style) Scalar(object? value) => value switch
    {
        string text => (text, StringStyle(text)),
        bool flag => (flag ? "true" : "false", ScalarStyle.Plain),
        int or long => (Convert.ToString(value, CultureInfo.InvariantCulture)!, ScalarStyle.Plain),
        _ => throw new ArgumentException(
            $"Provisioning YAML has no form for a {value?.GetType().Name ?? "null key"} here: use strings, booleans, integers, sequences and ordered maps (keys: scalars)."),
    };

    /// <summary>
    /// Multi-line text as a literal block; a string that YAML would read as something else (a number,
    /// a boolean, null, blank) double-quoted; anything else as the emitter finds best.
    /// </summary>
    private static ScalarStyle StringStyle(string text) =>
        text.Contains('\n') ? ScalarStyle.Literal
        : text.Trim().Length == 0 || SpecialString().IsMatch(text) ? ScalarStyle.DoubleQuoted
        : ScalarStyle.Any;

    // YamlDotNet's list of strings that are not strings to a YAML 1.2 reader (TypeAssigningEventEmitter).
    [GeneratedRegex(@"^(null|Null|NULL|\~|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?(\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|\s.*)$")]
    private static partial Regex SpecialString();
}

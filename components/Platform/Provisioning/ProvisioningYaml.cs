using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infra.Platform.Provisioning;

/// <summary>
/// One YAML writer for generated server configuration: block style, insertion order kept (inputs are
/// <see cref="OrderedDictionary{TKey,TValue}"/>), ambiguous strings such as '0644' quoted, and
/// multi-line strings as literal blocks so embedded scripts stay readable in the output.
/// It drives YamlDotNet's emitter directly (no reflection, so the compiler runs natively) with the
/// events YamlDotNet's serializer sent for the same documents (built with WithQuotingNecessaryStrings,
/// no aliases and literal multi-line strings): the output is byte for byte what it wrote.
/// </summary>
public static partial class ProvisioningYaml
{
    private static readonly TagName Str = new("tag:yaml.org,2002:str");
    private static readonly TagName Bool = new("tag:yaml.org,2002:bool");
    private static readonly TagName Int = new("tag:yaml.org,2002:int");
    private static readonly TagName Null = new("tag:yaml.org,2002:null");

    public static string Serialize(object document)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer, EmitterSettings.Default);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Write(emitter, document);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString().ReplaceLineEndings("\n");
    }

    private static void Write(IEmitter emitter, object? value)
    {
        switch (value)
        {
            case null:
                emitter.Emit(new Scalar(AnchorName.Empty, Null, "", ScalarStyle.Plain, true, false));
                break;
            case string text:
                emitter.Emit(new Scalar(AnchorName.Empty, Str, text, StringStyle(text), true, false));
                break;
            case bool flag:
                emitter.Emit(new Scalar(AnchorName.Empty, Bool, flag ? "true" : "false", ScalarStyle.Plain, true, false));
                break;
            case int or long:
                emitter.Emit(new Scalar(AnchorName.Empty, Int, Convert.ToString(value, CultureInfo.InvariantCulture)!, ScalarStyle.Plain, true, false));
                break;
            case IDictionary mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, false, MappingStyle.Any));
                foreach (DictionaryEntry entry in mapping)
                {
                    Write(emitter, entry.Key);
                    Write(emitter, entry.Value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case IEnumerable sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, false, SequenceStyle.Any));
                foreach (var item in sequence) Write(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new ArgumentException($"Provisioning YAML has no form for a {value.GetType().Name}: use strings, booleans, integers, sequences and ordered maps.");
        }
    }

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

using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Infra.Platform.Database;

/// <summary>
/// Builds YAML documents node by node and writes them deterministically: keys in the order given,
/// every string double-quoted (so <c>on</c>, <c>off</c>, <c>1e3</c> or a password never change type
/// in PyYAML or Go), no line folding, LF line endings.
/// </summary>
internal static class YamlText
{
    public static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            if (value is null) continue; // optional entries are simply absent
            map.Add(new YamlScalarNode(key) { Style = ScalarStyle.Plain }, value);
        }
        return map;
    }

    public static YamlScalarNode Str(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    public static YamlScalarNode Int(int value) =>
        new(value.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    public static YamlScalarNode Bool(bool value) => new(value ? "true" : "false") { Style = ScalarStyle.Plain };

    public static YamlSequenceNode Seq(IEnumerable<YamlNode> items)
    {
        var sequence = new YamlSequenceNode(items) { Style = SequenceStyle.Block };
        return sequence;
    }

    public static YamlSequenceNode Strs(IEnumerable<string> items) => Seq(items.Select(i => (YamlNode)Str(i)));

    public static string Write(YamlNode root)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024));
        // An implicit document (no '---' or '...' markers). The nodes emit themselves: no reflection,
        // the same events YamlDotNet's serializer sent for them (it called this same method).
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        ((IYamlConvertible)root).Write(emitter, (_, _) => throw new InvalidOperationException("YAML nodes serialize nothing nested."));
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }
}

using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Infra.Policies.Cluster;

/// <summary>
/// The files a cloud-config writes: the path and content of each entry of its top-level <c>write_files</c> list,
/// exactly as YamlDotNet's representation model reads them (first document; a path or content that is not a
/// scalar reads as empty). User-data is mostly long scripts that no rule looks into, so the text is read as
/// YamlDotNet's event stream, which builds no node; the model itself reads the rare text with anchors, aliases
/// or complex keys, where the two could differ.
/// </summary>
public static class CloudConfigFiles
{
    public sealed record WrittenFile(string Path, string Content);

    /// <summary>The <c>write_files</c> entries; null when the text is not YAML that loads (a syntax error or a duplicate key in any document).</summary>
    public static IReadOnlyList<WrittenFile>? Read(string text)
    {
        try
        {
            return new EventReader().Read(new Parser(new StringReader(text))) ?? ReadWithModel(text);
        }
        catch (YamlException)
        {
            return null;
        }
    }

    /// <summary>The same answer through the representation model (it resolves anchors and aliases).</summary>
    public static IReadOnlyList<WrittenFile>? ReadWithModel(string text)
    {
        var yaml = new YamlStream();
        try { yaml.Load(new StringReader(text)); }
        catch (YamlException) { return null; }
        var root = yaml.Documents.Count == 0 ? null : yaml.Documents[0].RootNode as YamlMappingNode;
        // No 'out var' in a condition and no negated pattern whose variable is used later: Stryker could mutate nothing here.
        YamlNode? files = null;
        root?.Children.TryGetValue(new YamlScalarNode(WriteFiles), out files);
        if (files is not YamlSequenceNode list) return [];
        return list.OfType<YamlMappingNode>().Select(file => new WrittenFile(Scalar(file, PathKey), Scalar(file, ContentKey))).ToList();
    }

    private const string WriteFiles = "write_files";
    private const string PathKey = "path";
    private const string ContentKey = "content";

    private static string Scalar(YamlMappingNode file, string key) =>
        (file.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null) ?? "";

    /// <summary>
    /// Walks every event of every document, in the order and with the checks of the model's load (a syntax error or
    /// a duplicate key anywhere fails the whole text), and keeps the entries of the first document's
    /// <c>write_files</c>. At the first anchor, alias or complex key it stops: the model reads that text.
    /// </summary>
    private sealed class EventReader
    {
        private enum Role { Other, Root, FileList, File }

        private readonly List<WrittenFile> files = [];
        // The keys seen in each open mapping, by depth (reused: a cloud-config has many small mappings).
        private readonly List<HashSet<(TagName Tag, string Value)>> keysByDepth = [];
        private int depth;
        private bool needsModel;

        /// <summary>The entries, or null when the text uses what only the model reads the same way.</summary>
        public IReadOnlyList<WrittenFile>? Read(IParser parser)
        {
            parser.Consume<StreamStart>();
            var role = Role.Root;
            while (!parser.TryConsume<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                while (!parser.TryConsume<DocumentEnd>(out _))
                {
                    Node(parser, role);
                    if (needsModel) return null;
                }
                role = Role.Other;
            }
            return files;
        }

        /// <summary>Reads one node and everything in it; returns its value when it is a scalar.</summary>
        private string? Node(IParser parser, Role role)
        {
            if (parser.Accept<AnchorAlias>(out _) || (parser.Accept<NodeEvent>(out var node) && !node.Anchor.IsEmpty))
            {
                needsModel = true;
                return null;
            }
            if (parser.TryConsume<Scalar>(out var scalar)) return scalar.Value;
            if (parser.TryConsume<SequenceStart>(out _))
            {
                while (!needsModel && !parser.TryConsume<SequenceEnd>(out _))
                    Node(parser, role == Role.FileList ? Role.File : Role.Other);
                return null;
            }
            if (parser.TryConsume<MappingStart>(out _))
            {
                Mapping(parser, role);
                return null;
            }
            // As the model fails: YamlDotNet's parser can end a mapping after a key with no value on some broken input.
            throw new ArgumentException("The current event is of an unsupported type.", nameof(parser));
        }

        private void Mapping(IParser parser, Role role)
        {
            if (keysByDepth.Count == depth) keysByDepth.Add([]);
            var keys = keysByDepth[depth];
            keys.Clear();
            depth++;
            string? path = null, content = null;
            while (!needsModel && !parser.TryConsume<MappingEnd>(out _))
            {
                // A key that is a collection, an alias or anchored: the model compares such keys by what they hold.
                if (!parser.Accept<Scalar>(out var key) || !key.Anchor.IsEmpty)
                {
                    needsModel = true;
                    return;
                }
                parser.MoveNext();
                var plain = key.Tag.IsEmpty;
                if (role == Role.Root && plain && key.Value == WriteFiles) Node(parser, Role.FileList);
                else if (role == Role.File && plain && key.Value == PathKey) path = Node(parser, Role.Other);
                else if (role == Role.File && plain && key.Value == ContentKey) content = Node(parser, Role.Other);
                else Node(parser, Role.Other);
                // After the value, as the model adds an entry: an error inside the value comes first.
                if (!needsModel && !keys.Add((key.Tag, key.Value)))
                    throw new YamlException(key.Start, key.End, $"Duplicate key {key.Value}");
            }
            depth--;
            if (role == Role.File) files.Add(new WrittenFile(path ?? "", content ?? ""));
        }
    }
}

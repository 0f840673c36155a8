using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.ChangeImpact;

/// <summary>
/// The day-2 change catalogues, one YAML file per tier in <c>ChangeImpact/Catalogue</c>: a base stack
/// config and a list of changes, each with the resources it may create, update, replace or delete.
/// A new tier joins by adding its file (a test fails while an available tier has none).
/// </summary>
public static class ChangeCatalogue
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "Infra.Tests", "ChangeImpact", "Catalogue");

    private static readonly Lazy<IReadOnlyList<DayTwoChange>> Loaded = new(() =>
        [.. Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal).SelectMany(Load)]);

    public static IReadOnlyList<DayTwoChange> All => Loaded.Value;

    public static DayTwoChange Find(string id) =>
        All.SingleOrDefault(change => change.Id == id) ?? throw new ArgumentException($"No catalogue entry '{id}'.");

    /// <summary>The tiers that have a catalogue file.</summary>
    public static IEnumerable<string> Tiers => All.Select(change => change.Tier).Distinct();

    public static IReadOnlyList<DayTwoChange> Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var file = Path.GetFileName(path);
        var tier = Scalar(root, "tier", file);
        var tierBase = Map(root, "base", file) ?? throw Bad(file, "has no 'base' config");

        var changes = new List<DayTwoChange>();
        foreach (var item in ((YamlSequenceNode)root.Children[new YamlScalarNode("changes")]).Children.Cast<YamlMappingNode>())
        {
            var name = Scalar(item, "change", file);
            var where = $"{file}, change '{name}'";
            var config = DayTwoChange.Copy(tierBase);
            foreach (var (key, value) in Map(item, "base", where)?.Children ?? new YamlMappingNode().Children)
            {
                config.Children.Remove(key);
                config.Children.Add(key, value);
            }
            changes.Add(new DayTwoChange(
                tier,
                name,
                Scalar(item, "why", where),
                config,
                Map(item, "set", where) ?? throw Bad(where, "has no 'set' (the config keys the change sets)"),
                Patterns(item, "creates"),
                Patterns(item, "updates"),
                Patterns(item, "replaces"),
                Patterns(item, "deletes")));
        }
        var duplicate = changes.GroupBy(change => change.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null) throw Bad(file, $"names the change '{duplicate.Key}' twice");
        return changes;
    }

    private static IReadOnlyList<ResourcePattern> Patterns(YamlMappingNode item, string key) =>
        item.Children.TryGetValue(new YamlScalarNode(key), out var list) && list is YamlSequenceNode sequence
            ? [.. sequence.Children.Cast<YamlScalarNode>().Select(pattern => ResourcePattern.Parse(pattern.Value!))]
            : [];

    private static string Scalar(YamlMappingNode map, string key, string where) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text }
            ? text
            : throw Bad(where, $"has no '{key}'");

    private static YamlMappingNode? Map(YamlMappingNode map, string key, string where) =>
        !map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? null
        : value as YamlMappingNode ?? throw Bad(where, $"'{key}' must be a mapping of config keys");

    private static InvalidDataException Bad(string where, string what) => new($"Change catalogue {where} {what}.");
}

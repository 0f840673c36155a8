using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>
/// What changes between two synthesized programs of one stack, resource by resource.
/// Offline: no state, no credentials; it compares what the program asks for, not what exists.
/// </summary>
public sealed class ProgramDiff
{
    public required IReadOnlyList<ResourceChange> Resources { get; init; }
    public required IReadOnlyList<ValueChange> ConfigChanges { get; init; }
    public required IReadOnlyList<ValueChange> VariableChanges { get; init; }
    public required IReadOnlyList<ValueChange> OutputChanges { get; init; }

    /// <summary>Top-level settings such as name or runtime.</summary>
    public required IReadOnlyList<ValueChange> SettingChanges { get; init; }

    public int Added => Resources.Count(change => change.Kind == ResourceChangeKind.Added);
    public int Changed => Resources.Count(change => change.Kind == ResourceChangeKind.Changed);
    public int Removed => Resources.Count(change => change.Kind == ResourceChangeKind.Removed);

    public bool IsEmpty =>
        Resources.Count == 0 && ConfigChanges.Count == 0 && VariableChanges.Count == 0
        && OutputChanges.Count == 0 && SettingChanges.Count == 0;

    /// <summary>The resource counts as <c>+3 ~1 -0</c>.</summary>
    public string Counts => $"+{Added} ~{Changed} -{Removed}";

    /// <exception cref="ProgramParseException">Either text is not a Pulumi YAML program.</exception>
    public static ProgramDiff Compare(string baseYaml, string headYaml)
    {
        var before = ProgramDocument.Parse(baseYaml, "base");
        var after = ProgramDocument.Parse(headYaml, "head");

        var resources = new List<ResourceChange>();
        foreach (var (name, oldResource) in before.Resources)
        {
            if (after.Resources.TryGetValue(name, out var newResource))
            {
                var change = CompareResource(name, oldResource, newResource);
                if (change is not null) resources.Add(change);
            }
            else
            {
                resources.Add(new ResourceChange(name, ResourceChangeKind.Removed, ProgramDocument.TypeOf(oldResource), null, [], []));
            }
        }
        foreach (var (name, newResource) in after.Resources)
        {
            if (!before.Resources.ContainsKey(name))
            {
                resources.Add(new ResourceChange(name, ResourceChangeKind.Added, ProgramDocument.TypeOf(newResource), null, [], []));
            }
        }

        return new ProgramDiff
        {
            Resources = resources,
            ConfigChanges = CompareEntries(before.Config, after.Config),
            VariableChanges = CompareEntries(before.Variables, after.Variables),
            OutputChanges = CompareEntries(before.Outputs, after.Outputs),
            SettingChanges = CompareEntries(before.Settings, after.Settings),
        };
    }

    private static ResourceChange? CompareResource(string name, YamlMappingNode before, YamlMappingNode after)
    {
        var oldType = ProgramDocument.TypeOf(before);
        var newType = ProgramDocument.TypeOf(after);
        var properties = new List<ValueChange>();
        var options = new List<ValueChange>();

        var keys = before.Children.Keys.Select(ValueText.KeyText)
            .Concat(after.Children.Keys.Select(ValueText.KeyText))
            .Where(key => key != "type")
            .Distinct();
        foreach (var key in keys)
        {
            var changes = ValueDiffer.Compare(key, Child(before, key), Child(after, key));
            (key == "options" ? options : properties).AddRange(changes);
        }

        if (oldType == newType && properties.Count == 0 && options.Count == 0) return null;
        return new ResourceChange(name, ResourceChangeKind.Changed, newType, oldType, properties, options);
    }

    private static List<ValueChange> CompareEntries(YamlMappingNode before, YamlMappingNode after) =>
        ValueDiffer.Compare("", before, after);

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}

using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>
/// What changes between two synthesized programs of one stack, resource by resource, judged the way
/// Pulumi will: resources are matched by URN (and <c>aliases</c>), so a new name, type or parent type is a
/// replacement, and a change of a property the provider cannot update is a replacement too.
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

    /// <summary>Resources whose only differences are paths their <c>ignoreChanges</c> option ignores: Pulumi leaves them alone.</summary>
    public IReadOnlyList<ResourceChange> Ignored { get; init; } = [];

    public int Added => Count(ResourceChangeKind.Added);
    public int Changed => Count(ResourceChangeKind.Changed);
    public int Removed => Count(ResourceChangeKind.Removed);
    public int Replaced => Count(ResourceChangeKind.Replaced);

    public IEnumerable<ResourceChange> Replacements => Resources.Where(resource => resource.Kind == ResourceChangeKind.Replaced);

    public bool IsEmpty =>
        Resources.Count == 0 && Ignored.Count == 0 && ConfigChanges.Count == 0 && VariableChanges.Count == 0
        && OutputChanges.Count == 0 && SettingChanges.Count == 0;

    /// <summary>The resource counts as <c>+3 ~1 -0</c>, with <c>+-2</c> appended when resources are replaced.</summary>
    public string Counts => $"+{Added} ~{Changed} -{Removed}" + (Replaced > 0 ? $" +-{Replaced}" : "");

    private int Count(ResourceChangeKind kind) => Resources.Count(change => change.Kind == kind);

    /// <param name="scope">Stack and project for the URNs shown; a program's own <c>name</c> setting wins over the project.</param>
    /// <exception cref="ProgramParseException">Either text is not a Pulumi YAML program.</exception>
    public static ProgramDiff Compare(string baseYaml, string headYaml, UrnScope? scope = null)
    {
        var before = ProgramDocument.Parse(baseYaml, "base");
        var after = ProgramDocument.Parse(headYaml, "head");
        scope ??= UrnScope.Unnamed;

        var resources = new ImpactAnalysis(before, after, scope).Run();
        return new ProgramDiff
        {
            Resources = [.. resources.Where(resource => !IsIgnoredOnly(resource))],
            Ignored = [.. resources.Where(IsIgnoredOnly)],
            ConfigChanges = CompareEntries(before.Config, after.Config),
            VariableChanges = CompareEntries(before.Variables, after.Variables),
            OutputChanges = CompareEntries(before.Outputs, after.Outputs),
            SettingChanges = CompareEntries(before.Settings, after.Settings),
        };
    }

    private static bool IsIgnoredOnly(ResourceChange resource) =>
        resource.Kind == ResourceChangeKind.Changed && resource.DetailCount == 0 && resource.IgnoredChanges.Count > 0;

    private static List<ValueChange> CompareEntries(YamlMappingNode before, YamlMappingNode after) =>
        ValueDiffer.Compare("", before, after);
}

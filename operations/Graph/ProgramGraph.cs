using Infra.Operations.Diff;
using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Graph;

/// <summary>Why one node of a program waits for another.</summary>
public enum DependencyKind
{
    /// <summary>A <c>${name...}</c> in its properties (or its <c>get</c> id, or a variable's value).</summary>
    Reference,
    DependsOn,
    Parent,
    Provider,
}

public sealed record Dependency(string Name, DependencyKind Kind);

/// <summary>A resource or a variable (an invoke, usually) of the program and what it waits for.</summary>
public sealed record ProgramNode(string Name, string Type, bool IsVariable, IReadOnlyList<Dependency> Dependencies, YamlMappingNode? Resource)
{
    /// <summary>The resource's <c>options</c> section, if any.</summary>
    public YamlMappingNode? Options => Resource?.Children.TryGetValue(new YamlScalarNode("options"), out var options) == true
        ? options as YamlMappingNode
        : null;

    public YamlMappingNode? Properties => Resource?.Children.TryGetValue(new YamlScalarNode("properties"), out var properties) == true
        ? properties as YamlMappingNode
        : null;

    public bool Option(string name) =>
        Options?.Children.TryGetValue(new YamlScalarNode(name), out var value) == true && value is YamlScalarNode { Value: "true" };
}

/// <summary>
/// The dependency graph of a Pulumi YAML program exactly as Pulumi YAML orders it before registering
/// anything: properties' references, <c>dependsOn</c>, <c>provider</c>/<c>providers</c>, <c>parent</c> and a
/// <c>get</c> id (pulumi-yaml pkg/pulumiyaml/sort.go, GetResourceDependencies). Config keys are known
/// before the program runs, so they are not nodes.
/// </summary>
public sealed class ProgramGraph
{
    private readonly Dictionary<string, ProgramNode> nodes;
    private readonly Dictionary<string, List<string>> dependents;

    private ProgramGraph(Dictionary<string, ProgramNode> nodes)
    {
        this.nodes = nodes;
        dependents = nodes.Keys.ToDictionary(name => name, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var node in nodes.Values)
            foreach (var dependency in node.Dependencies.Select(d => d.Name).Distinct())
                dependents[dependency].Add(node.Name);
    }

    public IReadOnlyDictionary<string, ProgramNode> Nodes => nodes;

    public IEnumerable<ProgramNode> Resources => nodes.Values.Where(node => !node.IsVariable);

    /// <summary>The nodes that wait for <paramref name="name"/>.</summary>
    public IReadOnlyList<string> DependentsOf(string name) => dependents[name];

    public static ProgramGraph Of(string programYaml) => Of(ProgramDocument.Parse(programYaml, "synthesized"));

    public static ProgramGraph Of(ProgramDocument program)
    {
        var names = new HashSet<string>(program.Resources.Keys, StringComparer.Ordinal);
        foreach (var (key, _) in program.Variables.Children) names.Add(ValueText.KeyText(key));

        var nodes = new Dictionary<string, ProgramNode>(StringComparer.Ordinal);
        foreach (var (name, resource) in program.Resources)
        {
            var found = new List<Dependency>();
            void Add(YamlNode? node, DependencyKind kind) =>
                found.AddRange(InterpolationReference.In(node).Where(r => names.Contains(r.Root)).Select(r => new Dependency(r.Root, kind)));
            Add(Child(resource, "properties"), DependencyKind.Reference);
            if (Child(resource, "get") is YamlMappingNode get) Add(Child(get, "id"), DependencyKind.Reference);
            if (Child(resource, "options") is YamlMappingNode options)
            {
                Add(Child(options, "dependsOn"), DependencyKind.DependsOn);
                Add(Child(options, "parent"), DependencyKind.Parent);
                Add(Child(options, "provider"), DependencyKind.Provider);
                Add(Child(options, "providers"), DependencyKind.Provider);
            }
            nodes[name] = new ProgramNode(name, ProgramDocument.TypeOf(resource), false, Distinct(found), resource);
        }
        foreach (var (key, value) in program.Variables.Children)
        {
            var name = ValueText.KeyText(key);
            var found = InterpolationReference.In(value).Where(r => names.Contains(r.Root)).Select(r => new Dependency(r.Root, DependencyKind.Reference));
            nodes[name] = new ProgramNode(name, VariableType(value), true, Distinct(found), null);
        }
        return new ProgramGraph(nodes);
    }

    /// <summary>One edge per name, the most telling kind first (an explicit dependsOn says more than a reference).</summary>
    private static List<Dependency> Distinct(IEnumerable<Dependency> found) =>
        [.. found.GroupBy(d => d.Name).Select(group => group.OrderBy(d => d.Kind == DependencyKind.Reference ? 1 : 0).First())];

    /// <summary>A variable's function (<c>aws:ec2/getAmi:getAmi</c>) when it is an invoke; "variable" otherwise.</summary>
    private static string VariableType(YamlNode value) =>
        value is YamlMappingNode map && Child(map, "fn::invoke") is YamlMappingNode invoke && Child(invoke, "function") is YamlScalarNode { Value: { } function }
            ? function
            : "variable";

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The first cycle (names in order, the first repeated at the end), or null when the program can run.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var done = new Dictionary<string, bool>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var name in nodes.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(name) is { } cycle) return cycle;
        }
        return null;

        IReadOnlyList<string>? Visit(string name)
        {
            if (done.TryGetValue(name, out var finished)) return finished ? null : [.. path.Skip(path.IndexOf(name)), name];
            done[name] = false;
            path.Add(name);
            foreach (var dependency in nodes[name].Dependencies.Select(d => d.Name).Order(StringComparer.Ordinal))
            {
                if (Visit(dependency) is { } cycle) return cycle;
            }
            path.RemoveAt(path.Count - 1);
            done[name] = true;
            return null;
        }
    }

    /// <summary>Every node after everything it waits for; ties in name order, so the result is deterministic.</summary>
    /// <exception cref="ProgramCycleException">The program has a cycle, which Pulumi YAML refuses.</exception>
    public IReadOnlyList<ProgramNode> DependencyOrder()
    {
        if (FindCycle() is { } cycle) throw new ProgramCycleException(cycle);
        var order = new List<ProgramNode>(nodes.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in nodes.Keys.Order(StringComparer.Ordinal)) Place(name);
        return order;

        void Place(string name)
        {
            if (!placed.Add(name)) return;
            foreach (var dependency in nodes[name].Dependencies) Place(dependency.Name);
            order.Add(nodes[name]);
        }
    }
}

public sealed class ProgramCycleException(IReadOnlyList<string> cycle) : Exception(
    $"the program has a dependency cycle: {string.Join(" → ", cycle)}. Pulumi YAML refuses it (\"circular dependency\") before creating anything; " +
    "remove the dependsOn, reference or parent that closes the loop.")
{
    public IReadOnlyList<string> Cycle { get; } = cycle;
}

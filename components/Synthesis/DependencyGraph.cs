using System.Collections.Concurrent;
using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>
/// What a resource waits for when Pulumi YAML runs the program: every resource or variable its properties
/// (and <c>get</c> id) refer to, its <c>dependsOn</c>, its provider and its parent. Pulumi YAML sorts the
/// program by these edges before it registers anything and refuses a cycle ("circular dependency of
/// resource ... transitively on itself", pulumi-yaml pkg/pulumiyaml/sort.go, GetResourceDependencies).
/// </summary>
public sealed class DependencyGraph
{
    private readonly Blueprint blueprint;
    private readonly Dictionary<string, Expr> variables;
    // Concurrent: infra synth writes the program (which reads this graph) while the policy pack runs on another thread.
    private readonly ConcurrentDictionary<string, HashSet<string>> closures = new(StringComparer.Ordinal);

    public DependencyGraph(Blueprint blueprint)
    {
        this.blueprint = blueprint;
        variables = blueprint.Variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        ResourceCount = blueprint.Resources.Count;
        VariableCount = blueprint.Variables.Count;
    }

    /// <summary>The program's size when this graph was made: a grown program needs a new graph.</summary>
    internal int ResourceCount { get; }

    internal int VariableCount { get; }

    /// <summary>
    /// Whether <paramref name="from"/> waits for <paramref name="target"/> through references, dependsOn,
    /// providers and explicit parents; parents that come from anchors are left out, since this decides them.
    /// </summary>
    public bool WaitsFor(Resource from, Resource target) => Closure(from).Contains(target.Name);

    private HashSet<string> Closure(Resource from)
    {
        if (closures.TryGetValue(from.Name, out var known)) return known;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(DirectNames(from, includeAnchorParent: false));
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name)) continue;
            if (blueprint.FindResource(name) is { } resource)
                foreach (var next in DirectNames(resource, includeAnchorParent: false)) pending.Push(next);
            else if (variables.TryGetValue(name, out var value))
                foreach (var next in References(value)) pending.Push(next);
        }
        closures[from.Name] = seen;
        return seen;
    }

    /// <summary>The first cycle of the whole program as Pulumi YAML sees it (anchor parents included), or null.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);  // false: on the path, true: done
        var path = new List<string>();
        foreach (var resource in blueprint.Resources)
        {
            if (Visit(resource.Name) is { } cycle) return cycle;
        }
        return null;

        IReadOnlyList<string>? Visit(string name)
        {
            if (state.TryGetValue(name, out var done))
                return done ? null : [.. path.Skip(path.IndexOf(name)), name];
            state[name] = false;
            path.Add(name);
            var next = new List<string>();
            if (blueprint.FindResource(name) is { } resource) AddDirectNames(resource, includeAnchorParent: true, next);
            else if (variables.TryGetValue(name, out var value)) AddReferences(value, next);
            // Distinct and in order, so that the cycle reported is the same on every run.
            next.Sort(StringComparer.Ordinal);
            for (var i = 0; i < next.Count; i++)
            {
                if (i > 0 && next[i] == next[i - 1]) continue;
                if (Visit(next[i]) is { } cycle) return cycle;
            }
            path.RemoveAt(path.Count - 1);
            state[name] = true;
            return null;
        }
    }

    private IEnumerable<string> DirectNames(Resource resource, bool includeAnchorParent)
    {
        var names = new List<string>();
        AddDirectNames(resource, includeAnchorParent, names);
        return names;
    }

    private static void AddDirectNames(Resource resource, bool includeAnchorParent, List<string> names)
    {
        AddReferences(resource.Properties, names);
        if (resource.Get is { } get) AddReferences(get.Id, names);
        foreach (var dependency in resource.Options.DependsOn) names.Add(dependency.Name);
        if (resource.Options.Provider is { } provider) names.Add(provider.Name);
        var parent = includeAnchorParent ? resource.Parent : resource.Options.NoParent ? null : resource.Options.Parent;
        if (parent is not null) names.Add(parent.Name);
    }

    /// <summary>The names a value refers to (the root of each <c>${...}</c>, invoke providers included).</summary>
    public static IEnumerable<string> References(Expr expr)
    {
        var names = new List<string>();
        AddReferences(expr, names);
        return names;
    }

    // One walk into one list: nested iterators cost a large program more than the rest of its cycle check.
    private static void AddReferences(Expr expr, List<string> names)
    {
        switch (expr)
        {
            case Reference reference:
                names.Add(reference.Root);
                break;
            case Interpolation interpolation:
                foreach (var part in interpolation.Parts) AddReferences(part, names);
                break;
            case ListExpr list:
                foreach (var item in list.Items) AddReferences(item, names);
                break;
            case ObjectExpr obj:
                foreach (var entry in obj.Entries) AddReferences(entry.Value, names);
                break;
            case FunctionCall call:
                AddReferences(call.Argument, names);
                break;
            case Invoke invoke:
                AddReferences(invoke.Arguments, names);
                names.Add(invoke.Provider.Root);
                break;
        }
    }
}

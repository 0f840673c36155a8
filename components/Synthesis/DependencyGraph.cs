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
        var pending = new List<string>();
        AddDirectNames(from, includeAnchorParent: false, pending);
        while (pending.Count > 0)
        {
            var name = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            if (!seen.Add(name)) continue;
            if (blueprint.FindResource(name) is { } resource) AddDirectNames(resource, includeAnchorParent: false, pending);
            else if (variables.TryGetValue(name, out var value)) AddReferences(value, pending);
        }
        closures[from.Name] = seen;
        return seen;
    }

    /// <summary>The first cycle of the whole program as Pulumi YAML sees it (anchor parents included), or null.</summary>
    /// <remarks>
    /// A depth-first walk from each resource in program order, through each name's direct names in sorted order, so
    /// that the cycle reported is the same on every run (a name met twice is done the second time). Iterative, with one list for the names still to visit
    /// (a block per name on the path): a large program's check allocates no list per name and never runs out of stack.
    /// </remarks>
    public IReadOnlyList<string>? FindCycle()
    {
        var done = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path
        var path = new List<string>();
        var blocks = new List<(int Start, int Next)>();  // per name on the path: where its names start in pending, the next one to visit
        var pending = new List<string>();
        foreach (var resource in blueprint.Resources)
        {
            if (done.ContainsKey(resource.Name)) continue;
            Enter(resource.Name);
            while (path.Count > 0)
            {
                var (start, next) = blocks[^1];
                if (next == pending.Count)
                {
                    done[path[^1]] = true;
                    path.RemoveAt(path.Count - 1);
                    blocks.RemoveAt(blocks.Count - 1);
                    pending.RemoveRange(start, pending.Count - start);
                    continue;
                }
                blocks[^1] = (start, next + 1);
                var name = pending[next];
                if (!done.TryGetValue(name, out var finished)) Enter(name);
                else if (!finished) return [.. path.Skip(path.IndexOf(name)), name];
            }
        }
        return null;

        void Enter(string name)
        {
            done[name] = false;
            path.Add(name);
            var start = pending.Count;
            if (blueprint.FindResource(name) is { } resource) AddDirectNames(resource, includeAnchorParent: true, pending);
            else if (variables.TryGetValue(name, out var value)) AddReferences(value, pending);
            pending.Sort(start, pending.Count - start, StringComparer.Ordinal);
            blocks.Add((start, start));
        }
    }

    private static void AddDirectNames(Resource resource, bool includeAnchorParent, List<string> names)
    {
        AddReferences(resource.Properties, names);
        if (resource.Get is { } get) AddReferences(get.Id, names);
        var dependsOn = resource.Options.DependsOn;
        for (var i = 0; i < dependsOn.Count; i++) names.Add(dependsOn[i].Name);
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
            case Interpolation { Parts: var parts }:
                for (var i = 0; i < parts.Count; i++) AddReferences(parts[i], names);
                break;
            case ListExpr { Items: var items }:
                for (var i = 0; i < items.Count; i++) AddReferences(items[i], names);
                break;
            case ObjectExpr { Entries: var entries }:
                for (var i = 0; i < entries.Count; i++) AddReferences(entries[i].Value, names);
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

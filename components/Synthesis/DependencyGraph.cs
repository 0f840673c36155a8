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
    private readonly Dictionary<string, HashSet<string>> closures = new(StringComparer.Ordinal);

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
            var next = blueprint.FindResource(name) is { } resource ? DirectNames(resource, includeAnchorParent: true)
                : variables.TryGetValue(name, out var value) ? References(value) : [];
            foreach (var dependency in next.Distinct().Order(StringComparer.Ordinal))
            {
                if (Visit(dependency) is { } cycle) return cycle;
            }
            path.RemoveAt(path.Count - 1);
            state[name] = true;
            return null;
        }
    }

    private IEnumerable<string> DirectNames(Resource resource, bool includeAnchorParent)
    {
        foreach (var name in References(resource.Properties)) yield return name;
        if (resource.Get is { } get)
            foreach (var name in References(get.Id)) yield return name;
        foreach (var dependency in resource.Options.DependsOn) yield return dependency.Name;
        if (resource.Options.Provider is { } provider) yield return provider.Name;
        var parent = includeAnchorParent ? resource.Parent : resource.Options.NoParent ? null : resource.Options.Parent;
        if (parent is not null) yield return parent.Name;
    }

    /// <summary>The names a value refers to (the root of each <c>${...}</c>, invoke providers included).</summary>
    public static IEnumerable<string> References(Expr expr)
    {
        switch (expr)
        {
            case Reference reference:
                yield return reference.Root;
                break;
            case Interpolation interpolation:
                foreach (var part in interpolation.Parts)
                    foreach (var name in References(part)) yield return name;
                break;
            case ListExpr list:
                foreach (var item in list.Items)
                    foreach (var name in References(item)) yield return name;
                break;
            case ObjectExpr obj:
                foreach (var entry in obj.Entries)
                    foreach (var name in References(entry.Value)) yield return name;
                break;
            case FunctionCall call:
                foreach (var name in References(call.Argument)) yield return name;
                break;
            case Invoke invoke:
                foreach (var name in References(invoke.Arguments)) yield return name;
                yield return invoke.Provider.Root;
                break;
        }
    }
}

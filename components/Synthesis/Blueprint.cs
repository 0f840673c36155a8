using Infra.Synthesis.Emission;
using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>
/// The root of the construct tree and the program it synthesizes: config declarations, variables,
/// resources and outputs, each in creation order. <see cref="ToYaml"/> emits the Pulumi YAML program.
/// </summary>
public sealed class Blueprint : Scope
{
    private readonly List<Resource> resources = [];
    private readonly Dictionary<string, Resource> resourcesByName = new(StringComparer.Ordinal);
    private readonly List<Scope> scopes = [];
    private readonly Dictionary<string, Scope> scopesByPrefix = new(StringComparer.Ordinal);
    private readonly List<ConfigDeclaration> config = [];
    private readonly List<KeyValuePair<string, Expr>> variables = [];
    private readonly List<KeyValuePair<string, Expr>> outputs = [];
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    /// <summary>A short title for messages and the plan view (the stack name).</summary>
    public string Title { get; }

    /// <summary>An optional <c>description:</c> line at the top of the program.</summary>
    public string? Description { get; init; }

    public Blueprint(string title) : base(null, "", null) => Title = title;

    public IReadOnlyList<Resource> Resources => resources;
    public IReadOnlyList<Scope> Scopes => scopes;
    public IReadOnlyList<ConfigDeclaration> Config => config;
    public IReadOnlyList<KeyValuePair<string, Expr>> Variables => variables;
    public IReadOnlyList<KeyValuePair<string, Expr>> Outputs => outputs;

    public Resource? FindResource(string name) => resourcesByName.GetValueOrDefault(name);

    private DependencyGraph? dependencies;

    /// <summary>What each resource waits for, as Pulumi YAML orders the program; rebuilt when the program grows.</summary>
    public DependencyGraph Dependencies =>
        dependencies is { } graph && graph.ResourceCount == resources.Count && graph.VariableCount == variables.Count
            ? graph
            : dependencies = new DependencyGraph(this);

    internal void Register(Resource resource)
    {
        LogicalName.CheckResourceName(resource.Name);
        if (resourcesByName.TryGetValue(resource.Name, out var existing))
            throw new SynthesisException(
                $"Two resources are named '{resource.Name}': a {existing.Type} created by {existing.Scope.Describe()} " +
                $"and a {resource.Type} created by {resource.Scope.Describe()}. Give one of them (or its component) another id.");
        if (!names.Add(resource.Name)) throw UsedTwice(resource.Name, $"resource {resource.Type} created by {resource.Scope.Describe()}");
        resources.Add(resource);
        resourcesByName.Add(resource.Name, resource);
    }

    internal void RegisterScope(Scope scope)
    {
        if (scopesByPrefix.TryGetValue(scope.Prefix, out var existing))
            throw new SynthesisException(
                $"Two components have the id path '{scope.Prefix}': {existing.Describe()} and {scope.Describe()}. " +
                "Give one of them another id.");
        scopes.Add(scope);
        scopesByPrefix.Add(scope.Prefix, scope);
    }

    /// <summary>Declares a config key read at deployment time and returns a reference to it.</summary>
    public Input<T> DeclareConfig<T>(string key, ConfigType type, bool secret)
    {
        LogicalName.CheckCamelName(key, "config key");
        if (config.Any(c => c.Key == key))
            return Input<T>.From(new Reference(key));
        if (!names.Add(key)) throw UsedTwice(key, $"config key '{key}'");
        config.Add(new ConfigDeclaration(key, type, secret));
        return Input<T>.From(new Reference(key));
    }

    /// <summary>Binds a value to a program variable, so it can be referenced and interpolated.</summary>
    public Output<T> Variable<T>(string name, Expr value)
    {
        LogicalName.CheckCamelName(name, "variable");
        if (!names.Add(name)) throw UsedTwice(name, $"variable '{name}'");
        variables.Add(new(name, value));
        return Synthesis.Output.Of<T>(name);
    }

    /// <summary>Exports a stack output.</summary>
    public void Output(string name, object value)
    {
        LogicalName.CheckCamelName(name, "output");
        if (outputs.Any(o => o.Key == name))
            throw new SynthesisException($"The stack output '{name}' is exported twice; outputs need unique names.");
        outputs.Add(new(name, ExprConverter.From(value)));
    }

    /// <summary>The Pulumi YAML program, to write out (<see cref="ProgramText.WriteTo"/>) or to read as a string.</summary>
    public ProgramText Render() => ProgramWriter.Write(this);

    public string ToYaml() => Render().ToString();

    // Resources, variables and config keys share one namespace in Pulumi YAML (names). The message of a name used
    // twice is written only then: a resource's description of its component would cost a string per resource.
    private static SynthesisException UsedTwice(string name, string what) =>
        new($"The name '{name}' is used twice in one namespace (resources, variables and config keys share it); " +
            $"the second use is {what}. Rename one of them.");
}

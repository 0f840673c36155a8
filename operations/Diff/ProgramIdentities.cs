using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>
/// The URN of every resource of a program, and the older URNs its <c>aliases</c> option claims,
/// computed the way Pulumi YAML and the engine do: the logical name is the resource's key (or its
/// <c>name</c> field), the qualified type chains the types of <c>options.parent</c> up to the stack, and
/// a child inherits its parent's aliases (pulumi-yaml pkg/pulumiyaml/run.go; docs "Resource option: aliases").
/// </summary>
public sealed class ProgramIdentities
{
    private readonly ProgramDocument program;
    private readonly UrnScope scope;
    private readonly Dictionary<string, ResourceUrn> urns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ResourceUrn>> aliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> resolving = new(StringComparer.Ordinal);

    private ProgramIdentities(ProgramDocument program, UrnScope scope)
    {
        this.program = program;
        this.scope = scope;
    }

    public static ProgramIdentities Of(ProgramDocument program, UrnScope scope)
    {
        var identities = new ProgramIdentities(program, scope);
        foreach (var key in program.Resources.Keys) identities.UrnOf(key);
        foreach (var key in program.Resources.Keys) identities.AliasesOf(key);
        return identities;
    }

    /// <summary>The URN of the resource with this key in the program.</summary>
    public ResourceUrn this[string key] => urns[key];

    /// <summary>The older URNs the resource answers to: its own <c>aliases</c> and those inherited from its parents.</summary>
    public IReadOnlyList<ResourceUrn> AliasesOf(string key)
    {
        if (aliases.TryGetValue(key, out var known)) return known;
        aliases[key] = [];  // a parent cycle ends here instead of recursing forever
        var resource = program.Resources[key];
        var own = UrnOf(key);
        var found = new List<ResourceUrn>();
        var parentKey = ParentKey(resource);

        if (Options(resource)?.Children.TryGetValue(new YamlScalarNode("aliases"), out var list) == true && list is YamlSequenceNode entries)
        {
            foreach (var entry in entries.Children)
            {
                if (Alias(entry, own, parentKey) is { } alias) found.Add(alias);
            }
        }
        // "The engine combines a parent's aliases with each child's own name and type" (aliases docs).
        if (parentKey is not null && program.Resources.ContainsKey(parentKey))
        {
            found.AddRange(AliasesOf(parentKey).Select(parentAlias => parentAlias.Child(own.Type, own.Name)));
        }
        var distinct = found.Where(alias => alias != own).Distinct().ToList();
        aliases[key] = distinct;
        return distinct;
    }

    private ResourceUrn UrnOf(string key)
    {
        if (urns.TryGetValue(key, out var known)) return known;
        var resource = program.Resources[key];
        var type = ProgramDocument.TypeOf(resource);
        var name = LogicalName(key, resource);
        var parentKey = ParentKey(resource);

        ResourceUrn urn;
        if (parentKey is null)
        {
            urn = new ResourceUrn(scope.Stack, scope.Project, type, name);
        }
        else if (!program.Resources.ContainsKey(parentKey) || !resolving.Add(key))
        {
            // A parent that is not a resource of the program, or a cycle: Pulumi would refuse the program.
            urn = new ResourceUrn(scope.Stack, scope.Project, $"unresolved-parent:{parentKey}{ResourceUrn.TypeDelimiter}{type}", name);
        }
        else
        {
            urn = UrnOf(parentKey).Child(type, name);
            resolving.Remove(key);
        }
        urns[key] = urn;
        return urn;
    }

    private ResourceUrn? Alias(YamlNode entry, ResourceUrn own, string? parentKey)
    {
        if (entry is YamlScalarNode { Value: { } text }) return ResourceUrn.Parse(text);
        if (entry is not YamlMappingNode map) return null;

        string? Field(string name) =>
            map.Children.TryGetValue(new YamlScalarNode(name), out var value) && value is YamlScalarNode { Value: { } v } ? v : null;

        if (Field("urn") is { } urn) return ResourceUrn.Parse(urn);
        var name = Field("name") ?? own.Name;
        var type = Field("type") ?? own.Type;
        var stack = Field("stack") ?? own.Stack;
        var project = Field("project") ?? own.Project;

        ResourceUrn? parent;
        if (string.Equals(Field("noParent"), "true", StringComparison.OrdinalIgnoreCase))
        {
            parent = null;
        }
        else if (map.Children.TryGetValue(new YamlScalarNode("parent"), out var parentNode))
        {
            parent = InterpolationReference.WholeReference(parentNode) is { } reference && program.Resources.ContainsKey(reference)
                ? UrnOf(reference)
                : parentNode is YamlScalarNode { Value: { } parentUrn } ? ResourceUrn.Parse(parentUrn) : null;
        }
        else
        {
            parent = parentKey is not null && program.Resources.ContainsKey(parentKey) ? UrnOf(parentKey) : null;
        }

        var qualified = parent is null ? type : parent.QualifiedType + ResourceUrn.TypeDelimiter + type;
        return new ResourceUrn(stack, project, qualified, name);
    }

    /// <summary>Pulumi YAML's logical name: the <c>name</c> field when set, else the key.</summary>
    public static string LogicalName(string key, YamlMappingNode resource) =>
        resource.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : key;

    /// <summary>The key of the resource <c>options.parent</c> names, or null for the stack.</summary>
    public static string? ParentKey(YamlMappingNode resource) =>
        Options(resource)?.Children.TryGetValue(new YamlScalarNode("parent"), out var parent) == true
            ? InterpolationReference.WholeReference(parent) ?? ValueText.Display(parent)
            : null;

    public static YamlMappingNode? Options(YamlMappingNode resource) =>
        resource.Children.TryGetValue(new YamlScalarNode("options"), out var options) ? options as YamlMappingNode : null;
}

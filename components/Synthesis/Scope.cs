namespace Infra.Synthesis;

/// <summary>
/// A node of the construct tree. Resources and components created in a scope get its name prefix;
/// the scope also supplies default providers (by package) and the default parent of its resources.
/// </summary>
public abstract class Scope
{
    private readonly Dictionary<string, ProviderResource> providers = new(StringComparer.Ordinal);

    /// <summary>The first resource created directly in a component: the parent of its other children.</summary>
    private Resource? anchor;

    public Blueprint Blueprint { get; }

    public Scope? Parent { get; }

    /// <summary>Local id within the parent scope ("" for the blueprint).</summary>
    public string Id { get; }

    /// <summary>Prefix of every logical name created below this scope.</summary>
    public string Prefix { get; }

    /// <summary>Readable path for messages: <c>laptop/db</c>.</summary>
    public string Path => Parent is null ? Blueprint.Title : $"{Parent.Path}/{Id}";

    /// <summary>The C# type that created this scope, for messages and the plan view.</summary>
    public string Kind => GetType().Name;

    protected Scope(Scope? parent, string id, Blueprint? blueprint = null)
    {
        Parent = parent;
        Id = id;
        Blueprint = blueprint ?? parent?.Blueprint ?? (Blueprint)this;
        if (parent is null)
        {
            Prefix = "";
        }
        else
        {
            LogicalName.CheckId(id, "component");
            Prefix = LogicalName.Join(parent.Prefix, id);
            Blueprint.RegisterScope(this);
        }
    }

    /// <summary>Makes <paramref name="provider"/> the default for its package in this scope and below.</summary>
    public void UseProvider(ProviderResource provider)
    {
        var package = provider.Type["pulumi:providers:".Length..];
        providers[package] = provider;
    }

    public ProviderResource? FindProvider(string package) =>
        providers.TryGetValue(package, out var provider) ? provider : Parent?.FindProvider(package);

    /// <summary>The resource that children created here are parented to, if any.</summary>
    public Resource? ParentResource => anchor ?? Parent?.ParentResource;

    internal ResourceOptions ResolveOptions(Resource resource, ResourceOptions options)
    {
        if (!resource.IsProvider && options.Provider is null)
        {
            var provider = FindProvider(resource.Package) ?? throw new SynthesisException(
                $"Resource '{LogicalName.Join(Prefix, "...")}' of type {resource.Type} (in {Path}) has no " +
                $"'{resource.Package}' provider: create a pinned provider and call UseProvider on an enclosing scope.");
            options = options with { Provider = provider };
        }
        if (options.NoParent) return options with { Parent = null };
        if (options.Parent is null && ParentResource is { } parent) options = options with { Parent = parent };
        if (this is Component && anchor is null) anchor = resource;
        return options;
    }
}

/// <summary>
/// A reusable group of resources: a C# class whose constructor creates its children under its id.
/// Its first resource anchors the group: every later child names it as <c>parent</c>, so the Pulumi
/// tree mirrors the construct tree.
/// </summary>
public abstract class Component(Scope scope, string id) : Scope(scope, id);

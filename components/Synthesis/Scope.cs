namespace Infra.Synthesis;

/// <summary>
/// A node of the construct tree. Resources and components created in a scope get its name prefix;
/// the scope also supplies default providers (by package) and the default Pulumi parent of its
/// resources: its declared anchor (see <see cref="DeclareAnchor"/>).
/// </summary>
public abstract class Scope
{
    private readonly Dictionary<string, ProviderResource> providers = new(StringComparer.Ordinal);

    /// <summary>What the scope declared about its anchor; parents are resolved from it when read.</summary>
    private AnchorDeclaration? anchorDeclaration;

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

    /// <summary>The resource that stands for this scope in the Pulumi tree, once declared.</summary>
    public Resource? Anchor => anchorDeclaration?.Anchor;

    /// <summary>
    /// Makes <paramref name="anchor"/> (one of this scope's own resources) the Pulumi parent of every
    /// other resource created in this scope and of the anchors of the components nested in it. The
    /// anchor's own parent is the enclosing scope's anchor. Parents are resolved when the program is
    /// written, so the anchor may be declared before or after the other resources, and the order in
    /// which a component creates its resources never changes a parent (nor, so, a URN).
    /// </summary>
    public void DeclareAnchor(Resource anchor)
    {
        if (anchor.Scope != this)
            throw new SynthesisException(
                $"{Describe()} cannot anchor on '{anchor.Name}': it was created by {anchor.Scope.Describe()}. " +
                "An anchor is one of the component's own resources.");
        if (anchor.IsProvider)
            throw new SynthesisException(
                $"{Describe()} cannot anchor on the provider '{anchor.Name}': providers have no parent. Anchor on a resource the component manages.");
        if (anchor.Options.Parent is not null || anchor.Options.NoParent)
            throw new SynthesisException(
                $"{Describe()} cannot anchor on '{anchor.Name}', which sets its own parent: an anchor's parent is always the enclosing anchor.");
        Declare(new AnchorDeclaration(anchor));
    }

    /// <summary>
    /// Declares that no resource stands for this scope: its resources are parented to the enclosing
    /// scope's anchor (top-level when there is none), as if they were created there. For components
    /// whose resources are peers (a set of security groups, a set of DNS records).
    /// </summary>
    public void DeclareNoAnchor() => Declare(new AnchorDeclaration(null));

    private void Declare(AnchorDeclaration declaration)
    {
        if (anchorDeclaration is not null)
            throw new SynthesisException(
                $"{Describe()} declares its anchor twice ({anchorDeclaration.Describe()}, then {declaration.Describe()}); declare it once.");
        anchorDeclaration = declaration;
    }

    /// <summary>The Pulumi parent of <paramref name="resource"/>, created in this scope without an explicit parent.</summary>
    internal Resource? ParentOf(Resource resource)
    {
        var parent = resource == Anchor ? Parent?.AnchorFor(resource) : AnchorFor(resource);
        // Pulumi YAML registers a parent before its children and refuses a cycle: an anchor that waits for
        // this resource (an instance for its instance profile, a load balancer for its log bucket's policy)
        // cannot be its parent, so the resource goes up to the anchor's own parent.
        while (parent is not null && Blueprint.Dependencies.WaitsFor(parent, resource)) parent = parent.Parent;
        return parent;
    }

    /// <summary>The anchor that resources created in this scope, and nested components' anchors, are parented to.</summary>
    private Resource? AnchorFor(Resource resource) => anchorDeclaration switch
    {
        { Anchor: { } anchor } => anchor,
        null when this is Component => throw new SynthesisException(
            $"{Describe()} declares no anchor, so '{resource.Name}' (created by {resource.Scope.Describe()}) has no Pulumi parent. " +
            "In the component's constructor, call DeclareAnchor(resource) with the resource that stands for the component " +
            "(its VPC, its load balancer, its data volume), or DeclareNoAnchor() to parent its resources to the enclosing anchor."),
        _ => Parent?.AnchorFor(resource),
    };

    internal string Describe() => this is Blueprint ? $"the stack root of '{Blueprint.Title}'" : $"{Kind} '{Path}'";

    internal ResourceOptions ResolveOptions(Resource resource, ResourceOptions options)
    {
        if (!resource.IsProvider && options.Provider is null)
        {
            var provider = FindProvider(resource.Package) ?? throw new SynthesisException(
                $"Resource '{LogicalName.Join(Prefix, "...")}' of type {resource.Type} (in {Path}) has no " +
                $"'{resource.Package}' provider: create a pinned provider and call UseProvider on an enclosing scope.");
            options = options with { Provider = provider };
        }
        return options.NoParent ? options with { Parent = null } : options;
    }

    private sealed record AnchorDeclaration(Resource? Anchor)
    {
        public string Describe() => Anchor is null ? "no anchor" : $"'{Anchor.Name}'";
    }
}

/// <summary>
/// A reusable group of resources: a C# class whose constructor creates its children under its id.
/// It declares its anchor (<see cref="Scope.DeclareAnchor"/>, or <see cref="Scope.DeclareNoAnchor"/>):
/// every other child names the anchor as <c>parent</c>, so the Pulumi tree mirrors the construct tree.
/// A component with resources and no declaration is an error when the program is written.
/// </summary>
public abstract class Component(Scope scope, string id) : Scope(scope, id);

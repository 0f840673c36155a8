using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>
/// A resource of the program: a type token, its properties and options. Typed resources derive from
/// this class and expose their outputs as <see cref="Output{T}"/> properties.
/// </summary>
public abstract class Resource
{
    /// <summary>The logical name: the key under <c>resources:</c> and the root of <c>${name.prop}</c>.</summary>
    public string Name { get; }

    public string Type { get; }

    /// <summary>The package of the type token (<c>aws</c> for <c>aws:ec2/vpc:Vpc</c>).</summary>
    public string Package { get; }

    public ObjectExpr Properties { get; }

    /// <summary>The options as given, with the default provider filled in. The parent is <see cref="Parent"/>.</summary>
    public ResourceOptions Options { get; }

    /// <summary>
    /// The Pulumi parent: the explicit <see cref="ResourceOptions.Parent"/>, else the anchor its scope
    /// declared (see <see cref="Scope.DeclareAnchor"/>). Resolved when read, so it never depends on
    /// the order in which a component creates its resources.
    /// </summary>
    public Resource? Parent => Options.NoParent ? null : Options.Parent ?? Scope.ParentOf(this);

    /// <summary>For a read of an existing resource (<c>get:</c>): its ID and optional known state.</summary>
    public ResourceGet? Get { get; }

    /// <summary>The scope that created this resource (its component).</summary>
    public Scope Scope { get; }

    protected Resource(Scope scope, string id, string type, Args? args, ResourceOptions? options = null)
        : this(scope, id, type, args is null ? ObjectExpr.Empty : args.ToObjectExpr(), options, null)
    {
    }

    protected Resource(Scope scope, string id, string type, ObjectExpr properties, ResourceOptions? options,
        ResourceGet? get)
    {
        LogicalName.CheckId(id, "resource");
        Scope = scope;
        Name = LogicalName.Join(scope.Prefix, id);
        Type = type;
        Package = PackageOf(type);
        Properties = properties;
        Get = get;
        Options = scope.ResolveOptions(this, options ?? ResourceOptions.None);
        scope.Blueprint.Register(this);
    }

    public Output<string> Id => Output<string>("id");

    public Output<string> Urn => Output<string>("urn");

    /// <summary>A reference to one of this resource's outputs, e.g. <c>Output&lt;string&gt;("arn")</c>.</summary>
    public Output<T> Output<T>(string path) => new(new Reference(Name).Then(path));

    internal Reference Self => new(Name);

    public virtual bool IsProvider => false;

    internal static string PackageOf(string type) =>
        type.StartsWith("pulumi:providers:", StringComparison.Ordinal)
            ? type["pulumi:providers:".Length..]
            : type.IndexOf(':') is var colon and >= 0 ? type[..colon] : type;
}

/// <summary>The <c>get:</c> of a resource read from the cloud instead of managed.</summary>
public sealed record ResourceGet(Expr Id, ObjectExpr? State = null);

using Infra.Synthesis.Expressions;

namespace Infra.Synthesis;

/// <summary>
/// An explicit provider (<c>pulumi:providers:NAME</c>) pinned to a plugin version. Every resource of
/// the program uses one of these; none relies on an implicit default provider.
/// </summary>
public class ProviderResource : Resource
{
    public string Version { get; }

    public ProviderResource(Scope scope, string id, string package, string version, Args? args = null,
        ResourceOptions? options = null)
        : base(scope, id, "pulumi:providers:" + package,
            args is null ? ObjectExpr.Empty : args.ToObjectExpr(),
            (options ?? ResourceOptions.None) with { Version = version, NoParent = true },
            null)
    {
        Version = version;
    }

    public override bool IsProvider => true;
}

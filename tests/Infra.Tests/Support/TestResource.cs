using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Tests.Support;

/// <summary>A resource of any token with any properties, for testing the core without a provider's types.</summary>
public sealed class TestResource(Scope scope, string id, string type, ObjectExpr? properties = null, ResourceOptions? options = null)
    : Resource(scope, id, type, properties ?? ObjectExpr.Empty, options, null);

/// <summary>A component that creates what its callback says, for scope and naming tests.</summary>
public sealed class TestComponent : Component
{
    public TestComponent(Scope scope, string id, Action<TestComponent>? build = null) : base(scope, id) => build?.Invoke(this);
}

public static class TestBlueprint
{
    /// <summary>A blueprint with a pinned test provider for the <c>test</c> package.</summary>
    public static Blueprint Create(string title = "unit")
    {
        var blueprint = new Blueprint(title);
        blueprint.UseProvider(new ProviderResource(blueprint, "test-provider", "test", "1.0.0"));
        return blueprint;
    }

    public static ObjectExpr Props(params (string Key, Expr Value)[] entries) =>
        new(entries.Select(e => new KeyValuePair<string, Expr>(e.Key, e.Value)).ToList());
}

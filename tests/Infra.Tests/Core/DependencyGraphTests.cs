using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using Infra.Tests.Support;

namespace Infra.Tests.Core;

/// <summary>
/// What a resource waits for in Pulumi YAML's order (DependencyGraph): each kind of edge on its own, beside a
/// resource that has no such edge, and the cycle check that refuses what Pulumi YAML would.
/// </summary>
public class DependencyGraphTests
{
    private static Reference Ref(string name) => new(name);

    private static ObjectExpr Props(params (string Key, Expr Value)[] entries) => TestBlueprint.Props(entries);

    /// <summary>A resource read with <c>get</c> (an existing one), its id given by an expression.</summary>
    private sealed class LookedUp(Scope scope, string id, Expr lookupId)
        : Resource(scope, id, "test:index:Existing", ObjectExpr.Empty, null, new ResourceGet(lookupId));

    [Fact]
    public void Each_kind_of_edge_makes_a_resource_wait_and_a_resource_without_it_does_not()
    {
        var bp = TestBlueprint.Create();
        var target = new TestResource(bp, "target", "test:index:Target");
        var bystander = new TestResource(bp, "bystander", "test:index:Other");
        bp.Variable<string>("direct", Ref("target"));
        bp.Variable<string>("indirect", new ListExpr([new StringLiteral("x"), Ref("direct")]));
        // A provider that waits (as a readiness gate makes one wait): whatever uses it waits too.
        var secondProvider = new ProviderResource(bp, "second", "test", "1.0.0", null, new ResourceOptions { DependsOn = [target] });

        var waiting = new Dictionary<string, Resource>
        {
            ["property"] = new TestResource(bp, "by-property", "test:index:A", Props(("id", Ref("target")))),
            ["interpolation"] = new TestResource(bp, "by-interpolation", "test:index:A",
                Props(("url", new Interpolation([new StringLiteral("https://"), Ref("target"), new StringLiteral("/")])))),
            ["nested object and list"] = new TestResource(bp, "by-nesting", "test:index:A",
                Props(("outer", new ObjectExpr([new("inner", new ListExpr([new StringLiteral("a"), Ref("target")]))])))),
            ["function argument"] = new TestResource(bp, "by-function", "test:index:A", Props(("secret", new FunctionCall("fn::secret", Ref("target"))))),
            ["variable chain"] = new TestResource(bp, "by-variables", "test:index:A", Props(("v", Ref("indirect")))),
            ["invoke provider"] = new TestResource(bp, "by-invoke-provider", "test:index:A",
                Props(("ami", new Invoke("test:index:lookup", ObjectExpr.Empty, Ref("second"), "1.0.0")))),
            ["invoke argument"] = new TestResource(bp, "by-invoke-argument", "test:index:A",
                Props(("ami", new Invoke("test:index:lookup", Props(("of", Ref("target"))), Ref("test-provider"), "1.0.0")))),
            ["get id"] = new LookedUp(bp, "by-get", Ref("target")),
            ["dependsOn"] = new TestResource(bp, "by-depends-on", "test:index:A", null, new ResourceOptions { DependsOn = [target] }),
            ["provider"] = new TestResource(bp, "by-provider", "test:index:A", null, new ResourceOptions { Provider = secondProvider }),
            ["explicit parent"] = new TestResource(bp, "by-parent", "test:index:A", null, new ResourceOptions { Parent = target }),
        };
        var unrelated = new TestResource(bp, "unrelated", "test:index:A", Props(("other", Ref("bystander")), ("literal", new StringLiteral("${target}"))),
            new ResourceOptions { DependsOn = [bystander] });
        var noParent = new TestResource(bp, "no-parent", "test:index:A", null, new ResourceOptions { Parent = target, NoParent = true });

        var graph = new DependencyGraph(bp);
        foreach (var (edge, resource) in waiting)
            Assert.True(graph.WaitsFor(resource, target), $"{edge}: {resource.Name} should wait for target");
        Assert.False(graph.WaitsFor(unrelated, target));
        Assert.True(graph.WaitsFor(unrelated, bystander));
        Assert.False(graph.WaitsFor(noParent, target));
        Assert.False(graph.WaitsFor(target, waiting["property"]));  // edges have a direction
        Assert.True(graph.WaitsFor(waiting["variable chain"], target));  // asked again: the remembered answer
    }

    [Fact]
    public void A_parent_from_an_anchor_is_left_out_of_waiting_but_counts_for_the_cycle_check()
    {
        var bp = TestBlueprint.Create();
        Resource? anchor = null, child = null;
        _ = new TestComponent(bp, "alb", alb =>
        {
            anchor = new TestResource(alb, "lb", "test:index:Lb");
            alb.DeclareAnchor(anchor);
            child = new TestResource(alb, "listener", "test:index:Listener");
        });
        var graph = new DependencyGraph(bp);
        Assert.Same(anchor, child!.Parent);
        Assert.False(graph.WaitsFor(child, anchor!));
        Assert.Null(graph.FindCycle());
    }

    [Fact]
    public void A_cycle_through_a_variable_is_found_with_its_path_and_a_diamond_is_not_a_cycle()
    {
        var diamond = TestBlueprint.Create();
        var bottom = new TestResource(diamond, "bottom", "test:index:A");
        var left = new TestResource(diamond, "left", "test:index:A", Props(("b", Ref("bottom"))));
        var right = new TestResource(diamond, "right", "test:index:A", Props(("b", Ref("bottom"))));
        _ = new TestResource(diamond, "top", "test:index:A", Props(("l", Ref("left")), ("r", Ref("right"))), new ResourceOptions { DependsOn = [bottom] });
        Assert.Null(new DependencyGraph(diamond).FindCycle());

        var loop = TestBlueprint.Create();
        _ = new TestResource(loop, "start", "test:index:A");
        loop.Variable<string>("settings", Ref("second"));
        _ = new TestResource(loop, "first", "test:index:A", Props(("s", Ref("settings"))));
        _ = new TestResource(loop, "second", "test:index:A", null, new ResourceOptions { DependsOn = [loop.FindResource("first")!] });
        Assert.Equal(["first", "settings", "second", "first"], new DependencyGraph(loop).FindCycle());
    }

    [Fact]
    public void The_cycle_reported_is_the_same_whatever_order_the_edges_were_written_in()
    {
        IReadOnlyList<string>? CycleOf(bool zFirst)
        {
            var bp = TestBlueprint.Create();
            var keys = zFirst ? new[] { "z", "a" } : new[] { "a", "z" };
            _ = new TestResource(bp, "hub", "test:index:A", Props(keys.Select(k => (k, (Expr)Ref($"spoke-{k}"))).ToArray()));
            _ = new TestResource(bp, "spoke-a", "test:index:A", Props(("hub", Ref("hub"))));
            _ = new TestResource(bp, "spoke-z", "test:index:A", Props(("hub", Ref("hub"))));
            return new DependencyGraph(bp).FindCycle();
        }
        Assert.Equal(["hub", "spoke-a", "hub"], CycleOf(zFirst: true));
        Assert.Equal(CycleOf(zFirst: true), CycleOf(zFirst: false));
    }
}

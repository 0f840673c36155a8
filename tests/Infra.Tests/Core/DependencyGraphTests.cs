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

    /// <summary>
    /// The cycle check walks without recursion and without a list per name: on random programs (references to any
    /// resource, itself and names twice included, dependsOn, variables) it must report exactly the cycle of a plain
    /// recursive walk through each name's sorted, distinct direct names, or none when that walk finds none.
    /// </summary>
    [Fact]
    public void On_random_programs_the_cycle_found_is_the_one_a_recursive_walk_finds()
    {
        var random = new Random(99);
        var cycles = 0;
        for (var n = 0; n < 400; n++)
        {
            var bp = TestBlueprint.Create();
            var edges = new Dictionary<string, List<string>> { ["test-provider"] = [] };
            var count = random.Next(2, 9);
            var names = Enumerable.Range(0, count).Select(i => $"r{i}").ToArray();
            string[] variables = ["va", "vb"];
            foreach (var variable in variables)
            {
                var target = names[random.Next(count)];
                bp.Variable<string>(variable, random.Next(3) == 0 ? new StringLiteral("no reference") : Ref(target));
                edges[variable] = bp.Variables[^1].Value is Reference ? [target] : [];
            }
            var created = new List<Resource>();
            foreach (var name in names)
            {
                var targets = Enumerable.Range(0, random.Next(0, 3)).Select(_ => random.Next(5) == 0 ? variables[random.Next(2)] : names[random.Next(count)]).ToList();
                var dependsOn = created.Count > 0 && random.Next(3) == 0 ? new List<Resource> { created[random.Next(created.Count)] } : [];
                created.Add(new TestResource(bp, name, "test:index:A",
                    Props(targets.Select((t, i) => ($"p{i}", (Expr)new ListExpr([Ref(t), new StringLiteral("x")]))).ToArray()),
                    new ResourceOptions { DependsOn = dependsOn }));
                edges[name] = [.. targets, .. dependsOn.Select(d => d.Name), "test-provider"];
            }

            var expected = RecursiveCycle(bp, edges);
            if (expected is not null) cycles++;
            Assert.Equal(expected, new DependencyGraph(bp).FindCycle());
        }
        Assert.InRange(cycles, 50, 350); // both outcomes were checked, many times
    }

    [Fact]
    public void A_chain_deeper_than_a_recursive_walk_could_go_is_checked_and_its_cycle_found()
    {
        const int Depth = 50_000;
        var bp = TestBlueprint.Create();
        // Each link refers to the next one, created after it: the walk from the first goes down the whole chain.
        for (var i = 0; i < Depth; i++)
            _ = new TestResource(bp, $"link{i}", "test:index:A", Props(("next", Ref(i + 1 < Depth ? $"link{i + 1}" : "end"))));
        Assert.Null(new DependencyGraph(bp).FindCycle());

        _ = new TestResource(bp, "end", "test:index:A", Props(("back", Ref("link0"))));
        var cycle = new DependencyGraph(bp).FindCycle();
        Assert.NotNull(cycle);
        Assert.Equal(Depth + 2, cycle.Count);
        Assert.Equal(["link0", "link1"], cycle.Take(2));
        Assert.Equal(["end", "link0"], cycle.TakeLast(2));
    }

    // The walk as it was first written: recursive, each name's direct names sorted and distinct, resources in program order.
    private static IReadOnlyList<string>? RecursiveCycle(Blueprint bp, Dictionary<string, List<string>> edges)
    {
        var state = new Dictionary<string, bool>();
        var path = new List<string>();
        foreach (var resource in bp.Resources)
            if (Visit(resource.Name) is { } cycle) return cycle;
        return null;

        IReadOnlyList<string>? Visit(string name)
        {
            if (state.TryGetValue(name, out var done)) return done ? null : [.. path.Skip(path.IndexOf(name)), name];
            state[name] = false;
            path.Add(name);
            foreach (var next in edges.GetValueOrDefault(name, []).Distinct().Order(StringComparer.Ordinal))
                if (Visit(next) is { } cycle) return cycle;
            path.RemoveAt(path.Count - 1);
            state[name] = true;
            return null;
        }
    }
}

using Infra.Synthesis;
using Infra.Tests.Support;
using Infra.Synthesis.Expressions;

namespace Infra.Tests.Core;

/// <summary>
/// Pulumi parents come from each component's declared anchor, never from the order in which it
/// creates its resources: the parent's type is part of every child's URN.
/// </summary>
public class AnchorTests
{
    /// <summary>Resource name to parent name ("-" at the top level), as the program says.</summary>
    private static Dictionary<string, string> Parents(Blueprint bp)
    {
        var resources = (YamlDotNet.RepresentationModel.YamlMappingNode)ProgramYaml.Parse(bp.ToYaml()).At("resources");
        return resources.Children.ToDictionary(
            r => r.Key.ToString(),
            r => r.Value.At("options").Has("parent") ? r.Value.At("options", "parent").Text()[2..^1] : "-");
    }

    /// <summary>A stack root with a network anchor, and a component "db" holding a nested component "backup".</summary>
    private static Blueprint Database(bool reversed, bool anchorLast = false)
    {
        var bp = TestBlueprint.Create();
        bp.DeclareAnchor(new TestResource(bp, "network", "test:index:Network"));
        _ = new TestComponent(bp, "db", db =>
        {
            var steps = new List<Action>
            {
                () => { var volume = new TestResource(db, "volume", "test:index:Volume"); if (!anchorLast) db.DeclareAnchor(volume); },
                () => _ = new TestResource(db, "password", "test:index:Password"),
                () => _ = new TestResource(db, "server", "test:index:Server"),
                () => _ = new TestComponent(db, "backup", backup =>
                {
                    _ = new TestResource(backup, "schedule", "test:index:Schedule");
                    backup.DeclareAnchor(new TestResource(backup, "job", "test:index:Job"));
                }),
            };
            if (reversed) steps.Reverse();
            foreach (var step in steps) step();
            if (anchorLast) db.DeclareAnchor(bp.FindResource("db-volume")!);
        });
        return bp;
    }

    private static readonly Dictionary<string, string> DatabaseParents = new()
    {
        ["test-provider"] = "-",
        ["network"] = "-",
        ["db-volume"] = "network",
        ["db-password"] = "db-volume",
        ["db-server"] = "db-volume",
        ["db-backup-job"] = "db-volume",
        ["db-backup-schedule"] = "db-backup-job",
    };

    [Fact]
    public void The_anchor_parents_the_components_resources_and_its_own_parent_is_the_enclosing_anchor() =>
        Assert.Equal(DatabaseParents, Parents(Database(reversed: false)));

    [Fact]
    public void Reordering_resource_creation_inside_a_component_changes_no_parent()
    {
        Assert.Equal(DatabaseParents, Parents(Database(reversed: true)));
        // Same parents, only the order of the program's entries differs.
        Assert.NotEqual(Database(reversed: false).ToYaml(), Database(reversed: true).ToYaml());
    }

    [Fact]
    public void An_anchor_declared_after_the_children_parents_them_all_the_same()
    {
        Assert.Equal(DatabaseParents, Parents(Database(reversed: false, anchorLast: true)));
        Assert.Equal(DatabaseParents, Parents(Database(reversed: true, anchorLast: true)));
    }

    [Fact]
    public void A_component_with_resources_and_no_declared_anchor_is_an_error_that_says_how_to_fix_it()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "db", db => _ = new TestResource(db, "volume", "test:index:Volume"));
        var error = Assert.Throws<SynthesisException>(() => bp.ToYaml());
        Assert.Contains("TestComponent 'unit/db' declares no anchor", error.Message);
        Assert.Contains("'db-volume'", error.Message);
        Assert.Contains("DeclareAnchor(resource)", error.Message);
        Assert.Contains("DeclareNoAnchor()", error.Message);
    }

    [Fact]
    public void A_component_holding_only_components_needs_an_anchor_declaration_too()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "outer", outer =>
            _ = new TestComponent(outer, "inner", inner => inner.DeclareAnchor(new TestResource(inner, "job", "test:index:Job"))));
        var error = Assert.Throws<SynthesisException>(() => bp.ToYaml());
        Assert.Contains("TestComponent 'unit/outer' declares no anchor, so 'outer-inner-job' (created by TestComponent 'unit/outer/inner')", error.Message);
    }

    [Fact]
    public void A_component_without_resources_needs_no_anchor()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "empty");
        Assert.Equal(new Dictionary<string, string> { ["test-provider"] = "-" }, Parents(bp));
    }

    [Fact]
    public void No_anchor_parents_the_resources_to_the_enclosing_anchor()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "edge", edge =>
        {
            _ = new TestResource(edge, "record-a", "test:index:Record");
            edge.DeclareAnchor(new TestResource(edge, "lb", "test:index:LoadBalancer"));
            _ = new TestComponent(edge, "dns", dns =>
            {
                dns.DeclareNoAnchor();
                _ = new TestResource(dns, "host-api", "test:index:Record");
                _ = new TestComponent(dns, "zone", zone => zone.DeclareAnchor(new TestResource(zone, "delegation", "test:index:Record")));
            });
        });
        _ = new TestComponent(bp, "rules", rules =>
        {
            rules.DeclareNoAnchor();
            _ = new TestResource(rules, "allow", "test:index:Rule");
        });

        var parents = Parents(bp);
        Assert.Equal("-", parents["edge-lb"]);
        Assert.Equal("edge-lb", parents["edge-record-a"]);
        Assert.Equal("edge-lb", parents["edge-dns-host-api"]);
        Assert.Equal("edge-lb", parents["edge-dns-zone-delegation"]);
        Assert.Equal("-", parents["rules-allow"]);
    }

    [Fact]
    public void An_explicit_parent_wins_over_the_anchor_and_providers_stay_at_the_top_level()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "sg", sg =>
        {
            sg.DeclareNoAnchor();
            var group = new TestResource(sg, "alb", "test:index:Group");
            _ = new TestResource(sg, "alb-in-https", "test:index:Rule", null, new ResourceOptions { Parent = group });
            _ = new ProviderResource(sg, "extra", "test", "1.0.0");
        });
        var parents = Parents(bp);
        Assert.Equal("-", parents["sg-alb"]);
        Assert.Equal("sg-alb", parents["sg-alb-in-https"]);
        Assert.Equal("-", parents["sg-extra"]);
    }

    [Fact]
    public void An_anchor_must_be_one_of_the_scopes_own_managed_resources_declared_once()
    {
        var bp = TestBlueprint.Create();
        var outside = new TestResource(bp, "outside", "test:index:R");
        var explicitParent = new TestResource(bp, "explicit", "test:index:R");
        _ = new TestComponent(bp, "c", c =>
        {
            Assert.Contains("it was created by the stack root of 'unit'",
                Assert.Throws<SynthesisException>(() => c.DeclareAnchor(outside)).Message);
            Assert.Contains("cannot anchor on the provider 'c-p'",
                Assert.Throws<SynthesisException>(() => c.DeclareAnchor(new ProviderResource(c, "p", "test", "1.0.0"))).Message);
            Assert.Contains("which sets its own parent",
                Assert.Throws<SynthesisException>(() => c.DeclareAnchor(
                    new TestResource(c, "child", "test:index:R", null, new ResourceOptions { Parent = explicitParent }))).Message);
            c.DeclareAnchor(new TestResource(c, "first", "test:index:R"));
            Assert.Contains("TestComponent 'unit/c' declares its anchor twice ('c-first', then no anchor)",
                Assert.Throws<SynthesisException>(() => c.DeclareNoAnchor()).Message);
        });
    }
    private static ObjectExpr Refers(string property, Resource target) =>
        new([new(property, new Infra.Synthesis.Expressions.Reference(target.Name, []))]);

    [Fact]
    public void A_resource_the_anchor_waits_for_goes_up_a_level_instead_of_closing_a_cycle()
    {
        // An instance (the anchor) names its profile, which names its role: Pulumi YAML would refuse
        // "circular dependency" if the profile or the role were the instance's children.
        var bp = TestBlueprint.Create();
        bp.DeclareAnchor(new TestResource(bp, "network", "test:index:Network"));
        _ = new TestComponent(bp, "bastion", bastion =>
        {
            var role = new TestResource(bastion, "role", "test:index:Role");
            var profile = new TestResource(bastion, "profile", "test:index:Profile", Refers("role", role));
            var instance = new TestResource(bastion, "instance", "test:index:Instance", Refers("profile", profile));
            bastion.DeclareAnchor(instance);
            _ = new TestResource(bastion, "eip", "test:index:Eip", Refers("instance", instance));
            _ = new TestResource(bastion, "log", "test:index:Log");
        });
        var parents = Parents(bp);
        Assert.Equal("network", parents["bastion-instance"]);
        Assert.Equal("network", parents["bastion-profile"]);
        Assert.Equal("network", parents["bastion-role"]);
        Assert.Equal("bastion-instance", parents["bastion-eip"]);
        Assert.Equal("bastion-instance", parents["bastion-log"]);
    }

    [Fact]
    public void DependsOn_counts_like_a_reference()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "alb", alb =>
        {
            var policy = new TestResource(alb, "logs-policy", "test:index:Policy");
            alb.DeclareAnchor(new TestResource(alb, "lb", "test:index:Lb", null, new ResourceOptions { DependsOn = [policy] }));
        });
        Assert.Equal("-", Parents(bp)["alb-logs-policy"]);
    }

    [Fact]
    public void A_cycle_of_the_program_itself_is_refused_with_its_path()
    {
        var loop = TestBlueprint.Create();
        var first = new TestResource(loop, "first", "test:index:A", new([new("next", new Infra.Synthesis.Expressions.Reference("second", []))]));
        _ = new TestResource(loop, "second", "test:index:B", Refers("first", first));
        var error = Assert.Throws<SynthesisException>(() => loop.ToYaml());
        Assert.Contains("dependency cycle: first → second → first", error.Message);
        Assert.Contains("Pulumi YAML refuses such a program", error.Message);
    }
}

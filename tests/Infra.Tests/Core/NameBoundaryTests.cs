using Infra.Synthesis;
using Infra.Tests.Support;

namespace Infra.Tests.Core;

/// <summary>
/// The edges of logical naming: the length limit exactly, the shared namespace of resources,
/// variables and config keys in both directions, and parents across nested declared anchors.
/// </summary>
public class NameBoundaryTests
{
    [Fact]
    public void A_resource_name_of_exactly_100_characters_is_accepted_and_101_is_refused()
    {
        var bp = TestBlueprint.Create();
        var longest = "a" + new string('b', 99);
        Assert.Equal(LogicalName.MaxLength, longest.Length);
        _ = new TestResource(bp, longest, "test:index:R");
        Assert.NotNull(bp.FindResource(longest));

        var error = Assert.Throws<SynthesisException>(() => new TestResource(bp, longest + "c", "test:index:R"));
        Assert.Contains("is 101 characters long; the limit is 100", error.Message);
    }

    [Fact]
    public void The_limit_counts_the_component_prefix()
    {
        var bp = TestBlueprint.Create();
        var component = new TestComponent(bp, "net");
        var id = new string('a', LogicalName.MaxLength - "net-".Length);
        _ = new TestResource(component, id, "test:index:R");
        var error = Assert.Throws<SynthesisException>(() => new TestResource(component, id + "b", "test:index:R"));
        Assert.Contains($"'net-{id}b'", error.Message);
    }

    [Fact]
    public void A_variable_named_like_a_resource_is_refused()
    {
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "db", "test:index:Db");
        var error = Assert.Throws<SynthesisException>(() => bp.Variable<string>("db", "x"));
        Assert.Contains("The name 'db' is used twice", error.Message);
        Assert.Contains("the second use is variable 'db'", error.Message);
    }

    [Fact]
    public void A_config_key_named_like_a_resource_is_refused()
    {
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "region", "test:index:R");
        var error = Assert.Throws<SynthesisException>(() => bp.DeclareConfig<string>("region", ConfigType.String, secret: false));
        Assert.Contains("The name 'region' is used twice", error.Message);
        Assert.Contains("config key 'region'", error.Message);
    }

    [Fact]
    public void A_resource_named_like_a_variable_is_refused_naming_its_creator()
    {
        var bp = TestBlueprint.Create();
        _ = bp.Variable<string>("zone", "x");
        var error = Assert.Throws<SynthesisException>(() => new TestResource(bp, "zone", "test:index:Zone"));
        Assert.Contains("The name 'zone' is used twice", error.Message);
        Assert.Contains("resource test:index:Zone created by the stack root of 'unit'", error.Message);
    }

    [Fact]
    public void Declaring_the_same_config_key_twice_returns_the_same_reference_and_one_declaration()
    {
        var bp = TestBlueprint.Create();
        var first = bp.DeclareConfig<string>("dbPassword", ConfigType.String, secret: true);
        var second = bp.DeclareConfig<string>("dbPassword", ConfigType.String, secret: true);
        Assert.Equal("dbPassword", ((Infra.Synthesis.Expressions.Reference)first.Expr).Text);
        Assert.Equal("dbPassword", ((Infra.Synthesis.Expressions.Reference)second.Expr).Text);
        Assert.Single(bp.Config);
    }

    [Theory]
    [InlineData("app-url")]
    [InlineData("9lives")]
    [InlineData("with space")]
    [InlineData("")]
    public void Variables_and_config_keys_must_be_camel_case(string name)
    {
        var bp = TestBlueprint.Create();
        Assert.Contains("valid variable name", Assert.Throws<SynthesisException>(() => bp.Variable<string>(name, "x")).Message);
        Assert.Contains("valid config key name",
            Assert.Throws<SynthesisException>(() => bp.DeclareConfig<string>(name, ConfigType.String, false)).Message);
    }

    [Fact]
    public void Nested_components_parent_to_the_nearest_declared_anchor()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "outer", outer =>
        {
            _ = new TestResource(outer, "before", "test:index:A");
            outer.DeclareAnchor(new TestResource(outer, "anchor", "test:index:A"));
            _ = new TestComponent(outer, "inner", inner =>
            {
                // Created first, yet not the anchor: only the declaration decides.
                _ = new TestResource(inner, "head", "test:index:B");
                inner.DeclareAnchor(new TestResource(inner, "tail", "test:index:C"));
                _ = new TestComponent(inner, "peers", peers =>
                {
                    peers.DeclareNoAnchor();
                    _ = new TestResource(peers, "leaf", "test:index:D");
                });
                _ = new TestComponent(inner, "deep", deep => deep.DeclareAnchor(new TestResource(deep, "root", "test:index:D")));
            });
            _ = new TestResource(outer, "last", "test:index:E");
        });

        Assert.Null(bp.FindResource("outer-anchor")!.Parent);
        Assert.Equal("outer-anchor", bp.FindResource("outer-before")!.Parent!.Name);
        Assert.Equal("outer-anchor", bp.FindResource("outer-last")!.Parent!.Name);
        Assert.Equal("outer-anchor", bp.FindResource("outer-inner-tail")!.Parent!.Name);
        Assert.Equal("outer-inner-tail", bp.FindResource("outer-inner-head")!.Parent!.Name);
        Assert.Equal("outer-inner-tail", bp.FindResource("outer-inner-peers-leaf")!.Parent!.Name);
        Assert.Equal("outer-inner-tail", bp.FindResource("outer-inner-deep-root")!.Parent!.Name);
        Assert.Equal("outer-inner-tail", bp.Scopes.Single(s => s.Prefix == "outer-inner").Anchor!.Name);
        Assert.Null(bp.Scopes.Single(s => s.Prefix == "outer-inner-peers").Anchor);
    }

    [Fact]
    public void A_component_without_an_anchor_of_its_own_parents_its_nested_children_to_the_outer_anchor()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "outer", outer =>
        {
            outer.DeclareAnchor(new TestResource(outer, "anchor", "test:index:A"));
            _ = new TestComponent(outer, "empty", empty =>
            {
                empty.DeclareNoAnchor();
                _ = new TestComponent(empty, "leaf", leaf =>
                {
                    leaf.DeclareAnchor(new TestResource(leaf, "res", "test:index:B"));
                    _ = new TestResource(leaf, "child", "test:index:C");
                });
            });
        });
        Assert.Equal("outer-anchor", bp.FindResource("outer-empty-leaf-res")!.Parent!.Name);
        Assert.Equal("outer-empty-leaf-res", bp.FindResource("outer-empty-leaf-child")!.Parent!.Name);
    }

    [Fact]
    public void Explicit_parent_and_no_parent_override_the_anchor()
    {
        var bp = TestBlueprint.Create();
        Resource? other = null;
        _ = new TestComponent(bp, "grp", grp =>
        {
            grp.DeclareAnchor(new TestResource(grp, "anchor", "test:index:A"));
            other = new TestResource(bp, "other", "test:index:O");
            _ = new TestResource(grp, "explicit", "test:index:B", null, new ResourceOptions { Parent = other });
            _ = new TestResource(grp, "top", "test:index:C", null, new ResourceOptions { NoParent = true, Parent = other });
            _ = new TestResource(grp, "default", "test:index:D");
        });
        Assert.Equal("other", bp.FindResource("grp-explicit")!.Parent!.Name);
        Assert.Null(bp.FindResource("grp-top")!.Parent);
        Assert.Null(bp.FindResource("grp-top")!.Options.Parent);
        Assert.Equal("grp-anchor", bp.FindResource("grp-default")!.Parent!.Name);
        Assert.Null(bp.FindResource("other")!.Parent);
    }

    [Fact]
    public void Resources_on_the_blueprint_are_top_level_until_the_blueprint_declares_an_anchor()
    {
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "first", "test:index:A");
        _ = new TestResource(bp, "second", "test:index:B");
        Assert.Null(bp.FindResource("first")!.Parent);
        Assert.Null(bp.FindResource("second")!.Parent);
        Assert.Null(bp.Anchor);

        bp.DeclareAnchor(bp.FindResource("second")!);
        Assert.Equal("second", bp.FindResource("first")!.Parent!.Name);
        Assert.Null(bp.FindResource("second")!.Parent);
    }

    [Fact]
    public void A_component_provider_overrides_the_outer_one_only_below_it()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "special", special =>
        {
            special.UseProvider(new ProviderResource(special, "test-provider", "test", "2.0.0"));
            _ = new TestResource(special, "inside", "test:index:R");
        });
        _ = new TestResource(bp, "outside", "test:index:R");
        Assert.Equal("special-test-provider", bp.FindResource("special-inside")!.Options.Provider!.Name);
        Assert.Equal("test-provider", bp.FindResource("outside")!.Options.Provider!.Name);
        Assert.Equal("special-test-provider", bp.Scopes.Single(s => s.Id == "special").FindProvider("test")!.Name);
        Assert.Null(bp.FindProvider("other"));
    }

    [Fact]
    public void A_provider_is_never_parented_and_needs_no_provider()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "grp", grp =>
        {
            grp.DeclareAnchor(new TestResource(grp, "anchor", "test:index:A"));
            _ = new ProviderResource(grp, "extra-provider", "extra", "3.1.0");
        });
        var provider = bp.FindResource("grp-extra-provider")!;
        Assert.Null(provider.Parent);
        Assert.Null(provider.Options.Provider);
        Assert.Equal("3.1.0", provider.Options.Version);
        Assert.Equal("extra", provider.Package);
    }

    [Fact]
    public void A_missing_provider_message_names_the_scope_path_and_package()
    {
        var bp = new Blueprint("unit");
        var error = Assert.Throws<SynthesisException>(() =>
            new TestComponent(bp, "net", net => _ = new TestResource(net, "vpc", "aws:ec2/vpc:Vpc")));
        Assert.Contains("Resource 'net-...' of type aws:ec2/vpc:Vpc (in unit/net) has no 'aws' provider", error.Message);
    }

    [Fact]
    public void Scope_paths_and_kinds_name_the_construct_tree()
    {
        var bp = TestBlueprint.Create("stack-a");
        TestComponent? inner = null;
        _ = new TestComponent(bp, "outer", outer => inner = new TestComponent(outer, "inner"));
        Assert.Equal("stack-a/outer/inner", inner!.Path);
        Assert.Equal("outer-inner", inner.Prefix);
        Assert.Equal("TestComponent", inner.Kind);
        Assert.Equal("stack-a", bp.Path);
        Assert.Equal("", bp.Prefix);
        Assert.Same(bp, inner.Blueprint);
        Assert.Equal(["outer", "outer-inner"], bp.Scopes.Select(s => s.Prefix));
    }

    [Fact]
    public void Two_components_colliding_are_both_named()
    {
        var bp = TestBlueprint.Create();
        _ = new TestComponent(bp, "a", a => _ = new TestComponent(a, "b"));
        var error = Assert.Throws<SynthesisException>(() => new TestComponent(bp, "a"));
        Assert.Contains("TestComponent 'unit/a' and TestComponent 'unit/a'", error.Message);
    }

    [Theory]
    [InlineData("pulumi:providers:aws", "aws")]
    [InlineData("aws:ec2/vpc:Vpc", "aws")]
    [InlineData("docker:index/container:Container", "docker")]
    public void The_package_of_a_type_token_is_its_first_segment(string type, string package)
    {
        var bp = new Blueprint("unit");
        bp.UseProvider(new ProviderResource(bp, "aws-provider", "aws", "1.0.0"));
        bp.UseProvider(new ProviderResource(bp, "docker-provider", "docker", "1.0.0"));
        if (type.StartsWith("pulumi:providers:", StringComparison.Ordinal))
            Assert.Equal(package, bp.FindResource("aws-provider")!.Package);
        else
            Assert.Equal(package, new TestResource(bp, "r", type).Package);
    }
}

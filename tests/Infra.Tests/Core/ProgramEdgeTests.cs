using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Core;

/// <summary>
/// Edges of the program model and its emission: empty sections, reads with state, options that are
/// rarely set, values that cannot be emitted, enum wire names and the exact wording of refusals.
/// </summary>
public class ProgramEdgeTests
{
    private enum Redirect
    {
        Permanent,
        TemporaryRedirect,
    }

    private sealed record Unknown : Expr;

    /// <summary>A provider-like resource that sets no option at all.</summary>
    private sealed class BareProvider(Scope scope, string id) : Resource(scope, id, "pulumi:providers:bare", ObjectExpr.Empty, null, null)
    {
        public override bool IsProvider => true;
    }

    private sealed class ReadWithState(Scope scope, string id, ObjectExpr state)
        : Resource(scope, id, "test:index:Zone", ObjectExpr.Empty, null, new ResourceGet("Z1", state));

    private sealed class TypedArgs : Args
    {
        public string? Name { get; init; }

        public override ObjectExpr ToObjectExpr() =>
            Name is null ? ObjectExpr.Empty : new ObjectExpr([new("name", new StringLiteral(Name))]);
    }

    private sealed class Typed(Scope scope, string id, TypedArgs? args) : Resource(scope, id, "test:index:Typed", args);

    [Fact]
    public void A_blueprint_without_anything_is_an_empty_mapping_after_the_header()
    {
        var yaml = new Blueprint("empty").ToYaml();
        Assert.Equal("# Synthesized by 'infra synth' for stack empty. Do not edit: change the C# and synthesize again.\n{}\n", yaml);
        var bp = new Blueprint("root");
        Assert.Equal("", bp.Id);
        Assert.Null(bp.Parent);
        Assert.Same(bp, bp.Blueprint);
    }

    [Fact]
    public void A_description_comes_first()
    {
        var bp = new Blueprint("d") { Description = "yes" };
        Assert.Equal("# Synthesized by 'infra synth' for stack d. Do not edit: change the C# and synthesize again.\ndescription: \"yes\"\n", bp.ToYaml());
    }

    [Fact]
    public void A_resource_with_no_option_set_has_no_options_key()
    {
        var bp = new Blueprint("bare");
        _ = new BareProvider(bp, "bare-provider");
        var node = ProgramYaml.Parse(bp.ToYaml()).At("resources", "bare-provider");
        Assert.False(node.Has("options"));
        Assert.False(node.Has("properties"));
        Assert.Equal("pulumi:providers:bare", node.At("type").Text());
    }

    [Fact]
    public void A_read_resource_writes_its_known_state()
    {
        var bp = TestBlueprint.Create();
        _ = new ReadWithState(bp, "zone", TestBlueprint.Props(("name", "example.com")));
        var get = ProgramYaml.Parse(bp.ToYaml()).At("resources", "zone", "get");
        Assert.Equal("Z1", get.At("id").Text());
        Assert.Equal("example.com", get.At("state", "name").Text());
    }

    [Fact]
    public void Each_custom_timeout_is_written_under_its_name()
    {
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "slow", "test:index:Slow", null,
            new ResourceOptions { CustomTimeouts = new CustomTimeouts(Update: "45m") });
        var timeouts = (YamlMappingNode)ProgramYaml.Parse(bp.ToYaml()).At("resources", "slow", "options", "customTimeouts");
        Assert.Equal("45m", Assert.Single(timeouts.Children, c => ((YamlScalarNode)c.Key).Value == "update").Value.Text());
        Assert.Single(timeouts.Children);
    }

    [Fact]
    public void An_expression_kind_the_writer_does_not_know_is_an_internal_error()
    {
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "r", "test:index:R", TestBlueprint.Props(("x", new Unknown())));
        Assert.Equal("No emitter for Unknown.", Assert.Throws<InvalidOperationException>(bp.ToYaml).Message);
    }

    [Fact]
    public void Values_that_cannot_become_program_values_are_refused_by_type()
    {
        Assert.Equal("A Object cannot be emitted into the program.", Assert.Throws<SynthesisException>(() => ExprConverter.From(new object())).Message);
        Assert.Equal("Object keys must be strings, not Int32.",
            Assert.Throws<SynthesisException>(() => ExprConverter.From(new Dictionary<int, string> { [1] = "a" })).Message);
    }

    [Fact]
    public void Literal_values_convert_to_their_expressions()
    {
        Assert.Equal(NullLiteral.Instance, ExprConverter.From(null));
        Assert.Equal(new NumberLiteral(3), ExprConverter.From(3L));
        Assert.Equal(new NumberLiteral(2.5), ExprConverter.From(2.5m));
        Assert.Equal(new BoolLiteral(false), ExprConverter.From(false));
        var expr = new StringLiteral("x");
        Assert.Same(expr, ExprConverter.From(expr));
        var sorted = (ObjectExpr)ExprConverter.From(new Dictionary<string, object?> { ["b"] = 1, ["a"] = null, ["c"] = "x" });
        Assert.Equal(["b", "c"], sorted.Entries.Select(e => e.Key));
        Assert.Equal(new StringLiteral("x"), sorted["c"]);
        Assert.Null(sorted["missing"]);
    }

    [Fact]
    public void Enum_members_are_written_in_camel_case()
    {
        Assert.Equal(new StringLiteral("permanent"), ExprConverter.From(Redirect.Permanent));
        Assert.Equal(new StringLiteral("temporaryRedirect"), ExprConverter.From(Redirect.TemporaryRedirect));
        Assert.Equal(new StringLiteral("integer"), ExprConverter.From(ConfigType.Integer));
    }

    [Fact]
    public void A_typed_resource_without_args_has_no_properties_and_with_args_skips_nulls()
    {
        var bp = TestBlueprint.Create();
        Assert.Empty(new Typed(bp, "empty", null).Properties.Entries);
        Assert.Empty(new Typed(bp, "nulls", new TypedArgs()).Properties.Entries);
        Assert.Equal(new StringLiteral("n"), new Typed(bp, "named", new TypedArgs { Name = "n" }).Properties["name"]);
    }

    [Fact]
    public void A_provider_keeps_the_options_it_is_given_and_always_its_version()
    {
        var bp = TestBlueprint.Create();
        var provider = new ProviderResource(bp, "kept-provider", "test", "2.0.0", null, new ResourceOptions { Protect = true, Version = "9.9.9" });
        Assert.True(provider.Options.Protect);
        Assert.Equal("2.0.0", provider.Options.Version);
        Assert.True(provider.Options.NoParent);
        Assert.True(provider.IsProvider);
        Assert.False(new TestResource(bp, "plain", "test:index:R").IsProvider);
    }

    [Fact]
    public void Refusals_say_exactly_what_and_how()
    {
        var bp = TestBlueprint.Create();
        Assert.Equal("'Bad' is not a valid resource id: use lower-case letters, digits and single hyphens (e.g. 'db-volume').",
            Assert.Throws<SynthesisException>(() => new TestResource(bp, "Bad", "test:index:R")).Message);
        Assert.Equal("'Bad' is not a valid component id: use lower-case letters, digits and single hyphens (e.g. 'db-volume').",
            Assert.Throws<SynthesisException>(() => new TestComponent(bp, "Bad")).Message);
        Assert.Equal("'9lives' is not a valid resource name: it must start with a letter and use lower-case letters, digits and single hyphens.",
            Assert.Throws<SynthesisException>(() => new TestResource(bp, "9lives", "test:index:R")).Message);
        Assert.Equal("'app-url' is not a valid output name: use camelCase letters and digits (e.g. 'appUrl').",
            Assert.Throws<SynthesisException>(() => bp.Output("app-url", 1)).Message);
        _ = new TestResource(bp, "db", "test:index:Db");
        Assert.Equal("The name 'db' is used twice in one namespace (resources, variables and config keys share it); " +
                     "the second use is variable 'db'. Rename one of them.",
            Assert.Throws<SynthesisException>(() => bp.Variable<string>("db", "x")).Message);
        _ = new TestComponent(bp, "net");
        Assert.Equal("Two components have the id path 'net': TestComponent 'unit/net' and TestComponent 'unit/net'. Give one of them another id.",
            Assert.Throws<SynthesisException>(() => new TestComponent(bp, "net")).Message);
        Assert.Equal("The stack output 'x' is exported twice; outputs need unique names.",
            Assert.Throws<SynthesisException>(() => { bp.Output("x", 1); bp.Output("x", 2); }).Message);
        var output = new TestResource(bp, "r", "test:index:R").Id;
        Assert.Equal("An Output or Input has no value at synthesis time and cannot become a C# string. " +
                     "Use Text.Interpolate($\"...{output}...\") to build a string that keeps the reference.",
            Assert.Throws<InvalidOperationException>(() => output.ToString()).Message);
        Assert.Throws<InvalidOperationException>(() => Input<string>.From(new StringLiteral("x")).ToString());
    }

    [Fact]
    public void Outputs_keep_their_order_and_values()
    {
        var bp = TestBlueprint.Create();
        bp.Output("b", 2);
        bp.Output("a", "x");
        Assert.Equal(["b", "a"], bp.Outputs.Select(o => o.Key));
        Assert.Equal(new NumberLiteral(2), bp.Outputs[0].Value);
    }

    [Fact]
    public void Interpolation_drops_empty_literals_even_between_references()
    {
        var bp = TestBlueprint.Create();
        var a = new TestResource(bp, "a", "test:index:A");
        string? nothing = null;
        var expr = (Interpolation)Text.Interpolate($"{a.Id}{nothing}{a.Urn}").Expr;
        Assert.Equal(2, expr.Parts.Count);
        Assert.All(expr.Parts, p => Assert.IsType<Reference>(p));
        Assert.Equal(new StringLiteral("plain"), Text.Interpolate($"plain").Expr);
    }

    [Theory]
    [InlineData("a[x\"]")]
    [InlineData("a[]")]
    [InlineData("a[\"x]")]
    public void Half_quoted_or_empty_brackets_are_refused(string path) =>
        Assert.Contains("has an invalid index", Assert.Throws<FormatException>(() => PropertyPath.Parse(path)).Message);

    [Fact]
    public void Long_quoted_strings_are_written_exactly()
    {
        var bp = TestBlueprint.Create();
        var digits = new string('9', 70);
        var words = string.Join(' ', Enumerable.Repeat("word", 16));
        _ = new TestResource(bp, "r", "test:index:R", TestBlueprint.Props(("digits", digits), ("words", words), ("short", "7")));
        var yaml = bp.ToYaml();
        Assert.Contains($"\n      digits: \"{digits}\"\n", yaml);
        Assert.Contains($"\n      words: {words}\n", yaml);
        Assert.Contains("\n      short: \"7\"\n", yaml);
    }
}

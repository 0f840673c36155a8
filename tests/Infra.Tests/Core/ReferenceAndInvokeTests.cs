using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Core;

/// <summary>
/// Property paths (parsed and rendered both ways, quotes included), interpolation holes of every
/// kind, and <c>fn::invoke</c> with the scope's provider or an explicit one.
/// </summary>
public class ReferenceAndInvokeTests
{
    private static YamlNode Properties(Blueprint bp, string resource) =>
        ProgramYaml.Parse(bp.ToYaml()).At("resources", resource, "properties");

    private static string Describe(Expr part) => part switch
    {
        StringLiteral s => "text:" + s.Value,
        Reference r => "ref:" + r.Text,
        _ => part.GetType().Name,
    };

    [Fact]
    public void A_quoted_key_with_quotes_inside_round_trips_through_parse_and_render()
    {
        var reference = new Reference("res").Then("tags[\"say \\\"hi\\\"\"].value");
        Assert.Equal([new PathSegment.Name("tags"), new PathSegment.Name("say \"hi\""), new PathSegment.Name("value")], reference.Path);
        Assert.Equal("res.tags[\"say \\\"hi\\\"\"].value", reference.Text);
    }

    [Theory]
    [InlineData("a", "r.a")]
    [InlineData("a.b", "r.a.b")]
    [InlineData("a[0]", "r.a[0]")]
    [InlineData("a[12].b", "r.a[12].b")]
    [InlineData("_x.$y", "r._x.$y")]
    [InlineData("a[\"b.c\"]", "r.a[\"b.c\"]")]
    [InlineData("a[\"x\"]", "r.a.x")]
    [InlineData("a[\"\"]", "r.a[\"\"]")]
    [InlineData("a[\"9\"]", "r.a[\"9\"]")]
    [InlineData("a[\"kebab-key\"]", "r.a[\"kebab-key\"]")]
    [InlineData(".a..b", "r.a.b")]
    public void Paths_render_in_the_shortest_form_pulumi_reads(string path, string text) =>
        Assert.Equal(text, new Reference("r").Then(path).Text);

    [Theory]
    [InlineData("a[", "unclosed '['")]
    [InlineData("a[x]", "invalid index '[x]'")]
    [InlineData("a[-1]", "invalid index '[-1]'")]
    [InlineData("a[\"]", "invalid index '[\"]'")]
    public void Malformed_paths_are_refused(string path, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => PropertyPath.Parse(path)).Message);

    [Fact]
    public void A_zero_index_is_an_index()
    {
        var segment = Assert.Single(PropertyPath.Parse("[0]"));
        Assert.Equal(new PathSegment.Index(0), segment);
    }

    [Fact]
    public void Output_index_and_property_extend_references()
    {
        var bp = TestBlueprint.Create();
        var r = new TestResource(bp, "r", "test:index:R");
        Assert.Equal("r.items[3].name", ((Reference)r.Output<object>("items").Index<object>(3).Property<string>("name").Expr).Text);
        Assert.Equal("r.id", ((Reference)r.Id.Expr).Text);
        Assert.Equal("r.urn", ((Reference)r.Urn.Expr).Text);
        Assert.Equal("cfg.a.b", ((Reference)Output.Of<string>("cfg", "a.b").Expr).Text);
        Assert.Equal("cfg", ((Reference)Output.Of<string>("cfg").Expr).Text);
    }

    [Fact]
    public void Indexing_a_non_reference_output_selects_with_fn_select()
    {
        var zones = Fn.Invoke<IReadOnlyList<string>>(TestBlueprint.Create(), "test:index:getZones", returns: "names");
        var first = (FunctionCall)zones.Index<string>(1).Expr;
        Assert.Equal("fn::select", first.Name);
        var args = (ListExpr)first.Argument;
        Assert.Equal(new NumberLiteral(1), args.Items[0]);
        Assert.Same(zones.Expr, args.Items[1]);
    }

    [Fact]
    public void A_field_of_an_invoke_result_becomes_its_return()
    {
        var bp = TestBlueprint.Create();
        var invoke = Fn.Invoke<object>(bp, "test:index:getAmi");
        Assert.Equal("id", ((Invoke)invoke.Property<string>("id").Expr).Return);
        var nested = Assert.Throws<SynthesisException>(() => invoke.Property<string>("a.b"));
        Assert.Contains("Cannot read 'a.b' from a Invoke", nested.Message);
        Assert.Throws<SynthesisException>(() => invoke.Property<string>("a[0]"));
        var twice = Fn.Invoke<object>(bp, "test:index:getAmi", returns: "id");
        Assert.Throws<SynthesisException>(() => twice.Property<string>("arn"));
    }

    [Fact]
    public void Plain_string_and_number_holes_become_literal_text()
    {
        var bp = TestBlueprint.Create();
        var lb = new TestResource(bp, "lb", "test:index:Lb");
        string host = "db.internal";
        string? nothing = null;
        var text = Text.Interpolate($"postgres://{host}:{5432}/{lb.Output<string>("name")}?x={1.5}{nothing}&cost=${7}");
        var interpolation = Assert.IsType<Interpolation>(text.Expr);
        Assert.Equal(["text:postgres://db.internal:5432/", "ref:lb.name", "text:?x=1.5&cost=$7"], interpolation.Parts.Select(Describe));
        _ = new TestResource(bp, "use", "test:index:Use", TestBlueprint.Props(("url", text.Expr)));
        Assert.Equal("postgres://db.internal:5432/${lb.name}?x=1.5&cost=$$7", Properties(bp, "use").At("url").Text());
    }

    [Fact]
    public void An_interpolation_of_literals_only_is_written_as_plain_text()
    {
        var port = 8080;
        var bp = TestBlueprint.Create();
        var merged = Text.Interpolate($"http://localhost:{port}/$HOME").Expr;
        Assert.Equal(["text:http://localhost:8080/$HOME"], Assert.IsType<Interpolation>(merged).Parts.Select(Describe));
        var single = Text.Interpolate($"{"only"}").Expr;
        Assert.Equal(new StringLiteral("only"), single);
        _ = new TestResource(bp, "use", "test:index:Use", TestBlueprint.Props(("url", merged), ("one", single)));
        Assert.Equal("http://localhost:8080/$$HOME", Properties(bp, "use").At("url").Text());
        Assert.Equal("only", Properties(bp, "use").At("one").Text());
    }

    [Fact]
    public void Input_holes_and_adjacent_references_keep_their_order()
    {
        var bp = TestBlueprint.Create();
        var a = new TestResource(bp, "a", "test:index:A");
        Input<string> literal = "lit";
        Input<string> referenced = a.Output<string>("x");
        var expr = (Interpolation)Text.Interpolate($"{referenced}{a.Id}{literal}").Expr;
        Assert.Equal(["ref:a.x", "ref:a.id", "text:lit"], expr.Parts.Select(Describe));
    }

    [Fact]
    public void An_invoke_with_a_provider_carries_provider_and_version_in_its_options()
    {
        var bp = TestBlueprint.Create();
        var east = new ProviderResource(bp, "east-provider", "test", "2.1.0");
        var zones = Fn.Invoke<IReadOnlyList<string>>(bp, "test:index:getZones", new Dictionary<string, object> { ["state"] = "available" },
            returns: "names", provider: east);
        _ = new TestResource(bp, "use", "test:index:Use", TestBlueprint.Props(("zones", zones.Expr)));

        var invoke = Properties(bp, "use").At("zones", "fn::invoke");
        Assert.Equal(["function", "arguments", "options", "return"],
            ((YamlMappingNode)invoke).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal("${east-provider}", invoke.At("options", "provider").Text());
        Assert.Equal("2.1.0", invoke.At("options", "version").Text());
        Assert.Equal("names", invoke.At("return").Text());
    }

    [Fact]
    public void An_invoke_without_an_explicit_provider_names_the_scopes_provider_and_has_no_return()
    {
        var bp = TestBlueprint.Create();
        var whole = Fn.Invoke<object>(bp, "test:index:getCaller");
        _ = new TestResource(bp, "use", "test:index:Use", TestBlueprint.Props(("caller", whole.Expr)));
        var invoke = Properties(bp, "use").At("caller", "fn::invoke");
        Assert.Equal(["function", "arguments", "options"], ((YamlMappingNode)invoke).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Empty((YamlMappingNode)invoke.At("arguments"));
        Assert.Equal("${test-provider}", invoke.At("options", "provider").Text());
        Assert.Equal("1.0.0", invoke.At("options", "version").Text());
    }

    [Fact]
    public void Invoke_arguments_must_be_an_object()
    {
        var error = Assert.Throws<SynthesisException>(() => Fn.Invoke<object>(TestBlueprint.Create(), "test:index:f", new[] { "a" }));
        Assert.Contains("The arguments of fn::invoke test:index:f must be an object", error.Message);
    }

    [Fact]
    public void Remaining_built_in_functions_emit_their_names_and_arguments()
    {
        var bp = TestBlueprint.Create();
        var src = new TestResource(bp, "src", "test:index:Src");
        _ = new TestResource(bp, "use", "test:index:Use", TestBlueprint.Props(
            ("decoded", Fn.FromBase64("aGk=").Expr),
            ("archive", Fn.FileArchive("./site").Expr),
            ("joinedList", Fn.Join("-", src.Output<IReadOnlyList<string>>("names")).Expr),
            ("picked", Fn.Select(2, new Input<string>[] { "a", "b", src.Id }).Expr),
            ("pickedOutput", Fn.Select<string>(0, src.Output<IReadOnlyList<string>>("ids")).Expr)));
        var props = Properties(bp, "use");
        Assert.Equal("aGk=", props.At("decoded", "fn::fromBase64").Text());
        Assert.Equal("./site", props.At("archive", "fn::fileArchive").Text());
        Assert.Equal("-", props.At("joinedList", "fn::join", 0).Text());
        Assert.Equal("${src.names}", props.At("joinedList", "fn::join", 1).Text());
        Assert.Equal("2", props.At("picked", "fn::select", 0).Text());
        Assert.Equal("${src.id}", props.At("picked", "fn::select", 1, 2).Text());
        Assert.Equal("${src.ids}", props.At("pickedOutput", "fn::select", 1).Text());
    }
}

using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Core;

public class ExpressionTests
{
    private static YamlNode Property(Blueprint blueprint, string resource, string property) =>
        ProgramYaml.Parse(blueprint.ToYaml()).At("resources", resource, "properties", property);

    [Fact]
    public void References_render_nested_access_with_dots_indexes_and_quoted_keys()
    {
        var bp = TestBlueprint.Create();
        var lb = new TestResource(bp, "lb", "test:index:Lb");
        var refs = new object[]
        {
            lb.Output<string>("dnsName"),
            lb.Output<string>("endpoints[0].address"),
            lb.Output<object>("subnetMappings").Index<object>(2).Property<string>("allocationId"),
            lb.Output<string>("tags[\"Name with space\"]"),
        };
        _ = new TestResource(bp, "user", "test:index:User", (ObjectExpr)ExprConverter.From(new Dictionary<string, object>
        {
            ["a"] = refs[0], ["b"] = refs[1], ["c"] = refs[2], ["d"] = refs[3],
        }));

        var props = ProgramYaml.Parse(bp.ToYaml()).At("resources", "user", "properties");
        Assert.Equal("${lb.dnsName}", props.At("a").Text());
        Assert.Equal("${lb.endpoints[0].address}", props.At("b").Text());
        Assert.Equal("${lb.subnetMappings[2].allocationId}", props.At("c").Text());
        Assert.Equal("${lb.tags[\"Name with space\"]}", props.At("d").Text());
    }

    [Fact]
    public void Interpolated_strings_mix_escaped_literals_and_references()
    {
        var bp = TestBlueprint.Create();
        var alb = new TestResource(bp, "alb", "test:index:Lb");
        _ = new TestResource(bp, "probe", "test:index:Probe",
            TestBlueprint.Props(("url", Text.Interpolate($"http://{alb.Output<string>("dnsName")}:{8080}/healthz?cost=$5").Expr)));

        var url = Property(bp, "probe", "url").Text();
        Assert.Equal("http://${alb.dnsName}:8080/healthz?cost=$$5", url);
        Assert.Equal(
            [new("http://", null), new(null, "alb.dnsName"), new(":8080/healthz?cost=$5", null)],
            PulumiInterpolation.Parse(url));
    }

    [Fact]
    public void A_shell_script_with_dollar_braces_and_positional_args_survives_intact()
    {
        const string script = "#!/bin/sh\nset -eu\necho \"home is ${HOME}, first arg $1, all: $@\"\ncost='$$5'\n";
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "vm", "test:index:Vm", TestBlueprint.Props(("userData", script)));

        var emitted = Property(bp, "vm", "userData");
        Assert.Equal(YamlDotNet.Core.ScalarStyle.Literal, ((YamlScalarNode)emitted).Style);
        Assert.Equal(script, PulumiInterpolation.Literal(emitted.Text()));
        Assert.Contains("$${HOME}", emitted.Text());
        Assert.Contains("$$1", emitted.Text());
    }

    [Fact]
    public void Strings_that_yaml_would_read_as_other_types_are_quoted_and_read_back_as_strings()
    {
        var tricky = new[] { "8080", "true", "no", "null", "1e3", "0x1F", "2026-11-21", "~", "", " padded", "a: b", "#x", "-", "@x" };
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "r", "test:index:R", TestBlueprint.Props(
            ("items", new ListExpr(tricky.Select(t => (Expr)t).ToList())), ("port", 8080), ("on", true)));

        var props = ProgramYaml.Parse(bp.ToYaml()).At("resources", "r", "properties");
        var items = (YamlSequenceNode)props.At("items");
        for (var i = 0; i < tricky.Length; i++)
        {
            var node = (YamlScalarNode)items.Children[i];
            Assert.Equal(tricky[i], node.Value);
            Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, node.Style);
        }
        Assert.Equal(YamlDotNet.Core.ScalarStyle.Plain, ((YamlScalarNode)props.At("port")).Style);
        Assert.Equal("8080", props.At("port").Text());
        Assert.Equal("true", props.At("on").Text());
    }

    [Fact]
    public void Built_in_functions_emit_their_one_key_form()
    {
        var bp = TestBlueprint.Create();
        var pw = new TestResource(bp, "pw", "test:index:Password");
        var subnets = new TestResource(bp, "net", "test:index:Net");
        bp.UseProvider(new ProviderResource(bp, "aws-provider", "aws", "7.0.0"));
        var zones = Fn.Invoke<IReadOnlyList<string>>(bp, "aws:index/getAvailabilityZones:getAvailabilityZones",
            new Dictionary<string, object> { ["state"] = "available" }, returns: "names");
        _ = new TestResource(bp, "all", "test:index:All", TestBlueprint.Props(
            ("secret", Fn.Secret(Text.Interpolate($"PASSWORD={pw.Output<string>("result")}")).Expr),
            ("json", Fn.ToJson(new Dictionary<string, object> { ["port"] = 8080, ["host"] = "db" }).Expr),
            ("b64", Fn.ToBase64("hello").Expr),
            ("joined", Fn.Join(",", new Input<string>[] { "a", subnets.Output<string>("id") }).Expr),
            ("first", Fn.Select(0, subnets.Output<IReadOnlyList<string>>("ids")).Expr),
            ("asset", Fn.StringAsset("<h1>$HOME</h1>").Expr),
            ("file", Fn.FileAsset("./index.html").Expr),
            ("zones", zones.Expr)));

        var props = ProgramYaml.Parse(bp.ToYaml()).At("resources", "all", "properties");
        Assert.Equal("PASSWORD=${pw.result}", props.At("secret", "fn::secret").Text());
        Assert.Equal("8080", props.At("json", "fn::toJSON", "port").Text());
        Assert.Equal("hello", props.At("b64", "fn::toBase64").Text());
        Assert.Equal(",", props.At("joined", "fn::join", 0).Text());
        Assert.Equal("${net.id}", props.At("joined", "fn::join", 1, 1).Text());
        Assert.Equal("0", props.At("first", "fn::select", 0).Text());
        Assert.Equal("${net.ids}", props.At("first", "fn::select", 1).Text());
        Assert.Equal("<h1>$$HOME</h1>", props.At("asset", "fn::stringAsset").Text());
        Assert.Equal("./index.html", props.At("file", "fn::fileAsset").Text());
        Assert.Equal("aws:index/getAvailabilityZones:getAvailabilityZones", props.At("zones", "fn::invoke", "function").Text());
        Assert.Equal("available", props.At("zones", "fn::invoke", "arguments", "state").Text());
        Assert.Equal("names", props.At("zones", "fn::invoke", "return").Text());
    }

    [Fact]
    public void Only_references_can_be_interpolated()
    {
        var error = Assert.Throws<SynthesisException>(() =>
            Text.Interpolate($"x={Fn.ToBase64("a")}"));
        Assert.Contains("Only references can be interpolated", error.Message);
        Assert.Contains("Blueprint.Variable", error.Message);
    }

    [Fact]
    public void An_output_refuses_to_become_a_csharp_string()
    {
        var bp = TestBlueprint.Create();
        var r = new TestResource(bp, "r", "test:index:R");
        var error = Assert.Throws<InvalidOperationException>(() => $"{r.Id}");
        Assert.Contains("Text.Interpolate", error.Message);
    }

    [Fact]
    public void Literal_object_keys_that_look_like_function_calls_are_refused()
    {
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "r", "test:index:R", TestBlueprint.Props(
            ("labels", ExprConverter.From(new Dictionary<string, string> { ["fn::secret"] = "x" }))));
        var error = Assert.Throws<SynthesisException>(bp.ToYaml);
        Assert.Contains("fn::secret", error.Message);
    }
}

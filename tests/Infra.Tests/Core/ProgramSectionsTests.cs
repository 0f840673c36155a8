using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using Infra.Tests.Support;

namespace Infra.Tests.Core;

public class ProgramSectionsTests
{
    [Fact]
    public void Secret_config_is_declared_typed_and_referenced_never_copied()
    {
        var bp = TestBlueprint.Create();
        var password = bp.DeclareConfig<string>("dbPassword", ConfigType.String, secret: true);
        var port = bp.DeclareConfig<int>("dbPort", ConfigType.Integer, secret: false);
        _ = new TestResource(bp, "db", "test:index:Db", TestBlueprint.Props(("password", password.Expr), ("port", port.Expr)));

        var program = ProgramYaml.Parse(bp.ToYaml());
        Assert.Equal("string", program.At("config", "dbPassword", "type").Text());
        Assert.Equal("true", program.At("config", "dbPassword", "secret").Text());
        Assert.Equal("integer", program.At("config", "dbPort", "type").Text());
        Assert.False(program.At("config", "dbPort").Has("secret"));
        Assert.Equal("${dbPassword}", program.At("resources", "db", "properties", "password").Text());
    }

    [Fact]
    public void Variables_bind_values_that_can_then_be_interpolated()
    {
        var bp = TestBlueprint.Create();
        var encoded = bp.Variable<string>("encodedGreeting", Fn.ToBase64("hi").Expr);
        _ = new TestResource(bp, "r", "test:index:R", TestBlueprint.Props(("text", Text.Interpolate($"greeting={encoded}").Expr)));
        bp.Output("greeting", encoded);

        var program = ProgramYaml.Parse(bp.ToYaml());
        Assert.Equal("hi", program.At("variables", "encodedGreeting", "fn::toBase64").Text());
        Assert.Equal("greeting=${encodedGreeting}", program.At("resources", "r", "properties", "text").Text());
        Assert.Equal("${encodedGreeting}", program.At("outputs", "greeting").Text());
    }

    [Fact]
    public void Sections_come_in_a_fixed_order_after_a_header_comment()
    {
        var bp = TestBlueprint.Create("ordering");
        bp.Output("z", 1);
        _ = bp.Variable<int>("v", 1);
        _ = bp.DeclareConfig<string>("c", ConfigType.String, secret: false);
        var yaml = bp.ToYaml();
        Assert.StartsWith("# Synthesized by 'infra synth' for stack ordering.", yaml);
        var order = new[] { "config:", "variables:", "resources:", "outputs:" }.Select(s => yaml.IndexOf("\n" + s, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.EndsWith("\n", yaml);
    }

    [Fact]
    public void Dictionaries_are_emitted_sorted_so_hash_order_never_shows()
    {
        var bp = TestBlueprint.Create();
        var tags = new Dictionary<string, string> { ["zeta"] = "1", ["alpha"] = "2", ["mid"] = "3" };
        _ = new TestResource(bp, "r", "test:index:R", TestBlueprint.Props(("tags", ExprConverter.From(tags))));
        var keys = ((YamlDotNet.RepresentationModel.YamlMappingNode)ProgramYaml.Parse(bp.ToYaml()).At("resources", "r", "properties", "tags"))
            .Children.Keys.Select(k => k.ToString());
        Assert.Equal(["alpha", "mid", "zeta"], keys);
    }

    [Fact]
    public void Args_objects_serialize_in_the_order_they_are_set_and_skip_nulls()
    {
        var expr = new Infra.Providers.Generated.Docker.ContainerArgs
        {
            Restart = "unless-stopped",
            Image = "img:1",
            Hostname = null,
            Ports = [new() { Internal = 80 }],
        }.ToObjectExpr();
        Assert.Equal(["restart", "image", "ports"], expr.Entries.Select(e => e.Key));
        Assert.IsType<NumberLiteral>(((ObjectExpr)((ListExpr)expr["ports"]!).Items[0])["internal"]);
    }
}

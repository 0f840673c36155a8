using Infra.Synthesis.Expressions;
using Infra.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Core;

/// <summary>
/// How single values are written: every string must read back as exactly that string, also for a
/// YAML 1.1 reader (which takes yes/on/off/y/n as booleans and &lt;&lt; as a merge key), and numbers
/// must read back as the same number.
/// </summary>
public class ScalarEmissionTests
{
    private static YamlScalarNode Emitted(Expr value)
    {
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "r", "test:index:R", TestBlueprint.Props(("value", value)));
        return (YamlScalarNode)ProgramYaml.Parse(bp.ToYaml()).At("resources", "r", "properties", "value");
    }

    // YamlDotNet writes these plain; a YAML 1.1 reader would take them as booleans, null or a merge key.
    [Theory]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("no")]
    [InlineData("on")]
    [InlineData("ON")]
    [InlineData("off")]
    [InlineData("Off")]
    [InlineData("y")]
    [InlineData("Y")]
    [InlineData("n")]
    [InlineData("N")]
    [InlineData("true")]
    [InlineData("False")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("<<")]
    [InlineData("=")]
    public void Yaml_1_1_special_words_are_double_quoted(string word)
    {
        var node = Emitted(word);
        Assert.Equal(word, node.Value);
        Assert.Equal(ScalarStyle.DoubleQuoted, node.Style);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("only")]
    [InlineData("nope")]
    [InlineData("<<<")]
    [InlineData("a=b")]
    [InlineData("trueish")]
    public void Words_that_only_contain_a_special_word_stay_plain(string word)
    {
        var node = Emitted(word);
        Assert.Equal(word, node.Value);
        Assert.Equal(ScalarStyle.Plain, node.Style);
    }

    // A first character that starts a number, a date, a special float or a YAML indicator.
    [Theory]
    [InlineData("-1")]
    [InlineData("- item")]
    [InlineData("+1")]
    [InlineData(".inf")]
    [InlineData(".5")]
    [InlineData("1a")]
    [InlineData("?x")]
    [InlineData(":x")]
    [InlineData(",x")]
    [InlineData("[x")]
    [InlineData("{x")]
    [InlineData("#x")]
    [InlineData("&x")]
    [InlineData("*x")]
    [InlineData("!x")]
    [InlineData("|x")]
    [InlineData(">x")]
    [InlineData("'x")]
    [InlineData("\"x")]
    [InlineData("%x")]
    [InlineData("@x")]
    [InlineData("`x")]
    public void Text_that_starts_like_a_number_or_an_indicator_is_double_quoted(string text)
    {
        var node = Emitted(text);
        Assert.Equal(text, node.Value);
        Assert.Equal(ScalarStyle.DoubleQuoted, node.Style);
    }

    [Theory]
    [InlineData("trailing ")]
    [InlineData("key:")]
    [InlineData("a #comment")]
    [InlineData("a: b")]
    [InlineData("tab\there")]
    [InlineData("caf\u00e9")]
    [InlineData("del\u007f")]
    public void Text_a_plain_scalar_would_change_is_double_quoted(string text)
    {
        var node = Emitted(text);
        Assert.Equal(text, node.Value);
        Assert.Equal(ScalarStyle.DoubleQuoted, node.Style);
    }

    [Theory]
    [InlineData("a#b")]
    [InlineData("a:b")]
    [InlineData("http://host:8080/x")]
    [InlineData("with space")]
    [InlineData("~home")]
    [InlineData("a-b_c.d/e")]
    public void Ordinary_text_stays_plain(string text)
    {
        var node = Emitted(text);
        Assert.Equal(text, node.Value);
        Assert.Equal(ScalarStyle.Plain, node.Style);
    }

    [Fact]
    public void Multi_line_text_is_a_literal_block()
    {
        var node = Emitted("line 1\nline 2\n");
        Assert.Equal("line 1\nline 2\n", node.Value);
        Assert.Equal(ScalarStyle.Literal, node.Style);
    }

    [Fact]
    public void Long_strings_are_styled_like_short_ones()
    {
        // Strings over 64 characters bypass the event cache; they get the same quoting rules.
        var yes = Emitted(new string('9', 80));
        Assert.Equal(ScalarStyle.DoubleQuoted, yes.Style);
        var plain = Emitted(new string('a', 80));
        Assert.Equal(ScalarStyle.Plain, plain.Style);
        Assert.Equal(new string('a', 80), plain.Value);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(42, "42")]
    [InlineData(-3, "-3")]
    [InlineData(1.5, "1.5")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(999_999_999_999_999d, "999999999999999")]
    [InlineData(-999_999_999_999_999d, "-999999999999999")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(-1e15, "-1000000000000000")]
    [InlineData(123456789012345678d, "1.2345678901234568E+17")]
    [InlineData(1e20, "1E+20")]
    [InlineData(-1e20, "-1E+20")]
    [InlineData(1e-7, "1E-07")]
    public void Numbers_are_written_in_their_shortest_invariant_form(double value, string text)
    {
        Assert.Equal(text, new NumberLiteral(value).Text);
        var node = Emitted(new NumberLiteral(value));
        Assert.Equal(text, node.Value);
        Assert.Equal(ScalarStyle.Plain, node.Style);
        Assert.Equal(value, double.Parse(node.Value!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Booleans_and_null_are_plain_scalars_and_empty_collections_are_flow()
    {
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "r", "test:index:R", TestBlueprint.Props(
            ("yes", true), ("no", false), ("nothing", NullLiteral.Instance), ("list", new ListExpr([])), ("map", ObjectExpr.Empty)));
        var yaml = bp.ToYaml();
        Assert.Contains("\n      \"yes\": true\n", yaml);
        Assert.Contains("\n      \"no\": false\n", yaml);
        Assert.Contains("\n      nothing: null\n", yaml);
        Assert.Contains("\n      list: []\n", yaml);
        Assert.Contains("\n      map: {}\n", yaml);
    }

    [Fact]
    public void Dollar_signs_in_object_keys_are_escaped_like_values()
    {
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "r", "test:index:R", TestBlueprint.Props(("labels", TestBlueprint.Props(("cost$", "$5")))));
        var labels = (YamlMappingNode)ProgramYaml.Parse(bp.ToYaml()).At("resources", "r", "properties", "labels");
        var (key, value) = Assert.Single(labels.Children);
        Assert.Equal("cost$$", ((YamlScalarNode)key).Value);
        Assert.Equal("$$5", ((YamlScalarNode)value).Value);
    }

    [Theory]
    [InlineData("fn::secret")]
    [InlineData("Fn::Join")]
    public void Object_keys_that_would_call_a_function_are_refused_in_any_case(string key)
    {
        var bp = TestBlueprint.Create();
        _ = new TestResource(bp, "r", "test:index:R", TestBlueprint.Props(("labels", TestBlueprint.Props((key, "x")))));
        var error = Assert.Throws<Infra.Synthesis.SynthesisException>(bp.ToYaml);
        Assert.Contains($"'{key}' would be read as a built-in function call", error.Message);
    }
}

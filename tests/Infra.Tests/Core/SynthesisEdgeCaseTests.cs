using Infra.Synthesis;
using Infra.Synthesis.Expressions;
using Infra.Tests.Support;

namespace Infra.Tests.Core;

/// <summary>Paths of the synthesis core that the mutation run (issue 15) found untested.</summary>
public class SynthesisEdgeCaseTests
{
    [Fact]
    public void Each_config_type_is_declared_under_its_pulumi_yaml_name()
    {
        Assert.Equal(["string", "integer", "boolean", "number"],
            new[] { ConfigType.String, ConfigType.Integer, ConfigType.Boolean, ConfigType.Number }.Select(t => t.WireName()));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ConfigType)42).WireName());
    }

    [Fact]
    public void Replace_refuses_an_empty_text_to_replace_and_otherwise_joins_a_split()
    {
        var error = Assert.Throws<SynthesisException>(() => Fn.Replace("a-b", "", "_"));
        Assert.Equal("Fn.Replace needs a non-empty text to replace.", error.Message);
        var call = Assert.IsType<FunctionCall>(Fn.Replace("a-b", "-", "_").Expr);
        Assert.Equal("fn::join", call.Name);
    }

    [Fact]
    public void Invoke_options_in_a_scope_take_its_provider_or_name_the_missing_package()
    {
        var bp = TestBlueprint.Create();
        var error = Assert.Throws<SynthesisException>(() => InvokeOptions.In(bp, "aws"));
        Assert.Equal($"An invoke of 'aws' (in {bp.Path}) has no 'aws' provider: create a pinned provider and call " +
            "UseProvider on an enclosing scope, so the lookup runs where the stack's resources do.", error.Message);

        var aws = new ProviderResource(bp, "aws", "aws", "7.48.0");
        bp.UseProvider(aws);
        Assert.Same(aws, InvokeOptions.In(bp, "aws").Provider);
    }
}

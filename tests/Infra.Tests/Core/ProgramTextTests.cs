using Infra.Synthesis;
using Infra.Tests.Support;

namespace Infra.Tests.Core;

/// <summary>The written program is copied out chunk by chunk (no large string): the copy must be the program, whole.</summary>
public class ProgramTextTests
{
    [Fact]
    public void A_program_of_many_chunks_is_written_out_whole_and_in_order()
    {
        var bp = TestBlueprint.Create("chunks");
        // About 60 characters a resource: well past the builder's 8000-character chunks.
        for (var i = 0; i < 2000; i++)
            _ = new TestResource(bp, $"r{i:D4}", "test:index:R", TestBlueprint.Props(("index", new Infra.Synthesis.Expressions.NumberLiteral(i))));
        var text = bp.Render();
        var copy = new StringWriter();
        text.WriteTo(copy);

        var yaml = copy.ToString();
        Assert.True(yaml.Length > 100_000, $"only {yaml.Length} characters");
        Assert.Equal(bp.ToYaml(), yaml);
        Assert.Equal(yaml.Length, text.Length);
        Assert.True(yaml.IndexOf("  r0000:", StringComparison.Ordinal) < yaml.IndexOf("  r1999:", StringComparison.Ordinal));
        Assert.EndsWith("      index: 1999\n    options:\n      provider: ${test-provider}\n", yaml);
    }

    [Fact]
    public void The_program_ends_with_exactly_one_line_break()
    {
        foreach (var bp in new[] { TestBlueprint.Create("empty"), WithOneOutput() })
        {
            var yaml = bp.ToYaml();
            Assert.EndsWith("\n", yaml);
            Assert.False(yaml.EndsWith("\n\n", StringComparison.Ordinal), $"'{yaml}' ends with an empty line");
        }

        static Blueprint WithOneOutput()
        {
            var bp = TestBlueprint.Create("one");
            bp.Output("answer", 42);
            return bp;
        }
    }
}

using Infra.Policies;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Compiler;

/// <summary>
/// <c>infra synth</c> writes the program on another thread while the policy pack checks it. The text written ahead must be
/// the program, and a refused program must still print nothing.
/// </summary>
public class RenderAheadTests
{
    [Theory]
    [InlineData("laptop")]
    [InlineData("onprem3")]
    [InlineData("dc9")]
    [InlineData("global")]
    public void The_program_written_ahead_is_the_program(string stack)
    {
        var ahead = StackSynthesizer.Check(Synth.Repo, stack, null, renderAhead: true);
        Assert.Equal(Synth.Yaml(stack), ahead.Render().ToString());
    }

    [Theory]
    [InlineData("laptop")]
    [InlineData("onprem3")]
    [InlineData("dc9")]
    [InlineData("global")]
    public void The_policy_report_with_the_writer_helping_is_the_report_of_one_thread(string stack)
    {
        var alone = StackSynthesizer.Check(Synth.Repo, stack, null).Report!;
        var helped = StackSynthesizer.Check(Synth.Repo, stack, null, renderAhead: true).Report!;
        Assert.Equal(Dump(alone), Dump(helped));
    }

    private static string Dump(PolicyReport report) => string.Join("\n", report.Results.Select(r =>
        $"{r.Policy.Id} checked {r.Checked}: " + string.Join(" | ", r.Failed.Select(v => v.Render())) +
        " exempted: " + string.Join(" | ", r.Exempted.Select(x => x.Violation.Render()))));

    [Fact]
    public void A_refused_program_is_refused_before_its_text_is_asked_for()
    {
        using var project = new TempProject(("laptop", """
            config:
              infra:appHealthCheck: ["NONE"]
            """));
        var program = StackSynthesizer.Check(new ProjectDirectory(project.Root), "laptop", null, renderAhead: true);
        Assert.Throws<PolicyViolationException>(() => StackSynthesizer.Enforce(program));
    }
}

using Infra.Platform.Configuration;
using Infra.Stacks;
using Infra.Synthesis;
using Infra.Tests.Support;

namespace Infra.Tests.Configuration;

/// <summary>
/// The bad-config corpus in-process: the same inputs and messages as <see cref="BadConfigTests"/>, with
/// the synthesizer called directly, so that the rules are exercised by the assembly under test (a
/// mutant of a rule cannot die in a child process).
/// </summary>
public class BadConfigInProcessTests
{
    public static TheoryData<string> Cases => BadConfigCorpus.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_config_is_refused_with_a_precise_message(string name)
    {
        var c = BadConfigCorpus.Named(name);
        var message = Refusal(c);
        foreach (var fragment in c.Expected) Assert.Contains(fragment, message);
        foreach (var fragment in c.Absent ?? []) Assert.DoesNotContain(fragment, message);
    }

    /// <summary>The message a refused case produces; fails if the case is accepted or fails any other way.</summary>
    internal static string Refusal(BadConfigCase c)
    {
        using var project = new TempProject();
        if (c.StackFile is not null) project.WriteStack(c.Stack, c.StackFile);
        var error = Assert.ThrowsAny<Exception>(() => StackSynthesizer.Check(new ProjectDirectory(project.Root), c.Stack, c.PulumiConfig));
        // Exactly the exceptions the CLI maps to exit code 1 (CliContext.Run); anything else would be exit 70.
        Assert.True(error is ConfigException or SynthesisException, $"{c.Name}: {error.GetType().Name}: {error.Message}");
        return error.Message;
    }
}

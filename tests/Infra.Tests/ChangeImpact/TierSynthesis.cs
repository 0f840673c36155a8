using Infra.Operations.Diff;
using Infra.Stacks;
using Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.ChangeImpact;

/// <summary>Synthesizes a tier in-process from a config mapping, as <c>infra synth</c> does from a stack file.</summary>
public static class TierSynthesis
{
    public static string Program(string stack, YamlMappingNode config)
    {
        var file = new YamlMappingNode { { "config", config } };
        var text = new StringWriter();
        new YamlStream(new YamlDocument(file)).Save(text, assignAnchors: false);
        using var project = new TempProject((stack, text.ToString()));
        return StackSynthesizer.Synthesize(new ProjectDirectory(project.Root), stack, null).ToYaml();
    }

    /// <summary>The offline diff of the programs before and after the change, through the same code as <c>infra diff</c>.</summary>
    public static ProgramDiff Diff(DayTwoChange change) =>
        ProgramDiff.Compare(Program(change.Tier, change.Base), Program(change.Tier, change.Changed()), new UrnScope(change.Tier, "infra"));
}

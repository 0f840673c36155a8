using Infra.Stacks;
using Infra.Synthesis;

namespace Infra.Tests.Support;

/// <summary>In-process synthesis of the repository's own stacks, as `infra synth STACK` does it.</summary>
public static class Synth
{
    public static ProjectDirectory Repo => new(RepoPaths.Root);

    public static Blueprint Stack(string stack) => StackSynthesizer.Synthesize(Repo, stack, null);

    public static string Yaml(string stack) => Stack(stack).ToYaml();
}

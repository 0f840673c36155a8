using Infra.Operations;
using Infra.Stacks;

namespace Infra.Cli;

/// <summary>The synthesis core behind the operations commands' <see cref="ISynthesizer"/>: exactly what `infra synth STACK` prints.</summary>
public sealed class StackProgramSynthesizer : ISynthesizer
{
    public string Synthesize(string projectRoot, string stack) =>
        StackSynthesizer.Synthesize(new ProjectDirectory(projectRoot), stack, pulumiConfigJson: null).ToYaml();
}

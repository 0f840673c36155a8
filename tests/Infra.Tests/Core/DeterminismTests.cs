using Infra.Tests.Support;

namespace Infra.Tests.Core;

public class DeterminismTests
{
    [Fact]
    public void The_same_stack_and_config_give_byte_identical_programs_in_process()
    {
        foreach (var tier in Infra.Stacks.TierRegistry.Available)
        {
            var stack = Infra.Platform.TierShape.Of(tier.Tier).Name;
            Assert.Equal(Synth.Yaml(stack), Synth.Yaml(stack));
        }
    }

    [Fact]
    public void Two_separate_processes_print_byte_identical_programs()
    {
        var first = InfraProcess.Run(RepoPaths.Root, null, "synth", "laptop");
        var second = InfraProcess.Run(RepoPaths.Root, null, "synth", "laptop");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
    }
}

using Infra.Platform;
using Infra.Synthesis;

namespace Infra.Constructs;

/// <summary>
/// The stack a construct belongs to, read from the construct tree: the tier sets it once on its blueprint
/// (<c>blueprint.SetContext(stack)</c>) and every construct below finds it, so no props type carries it.
/// </summary>
public static class StackContext
{
    public static StackIdentity Of(Scope scope) => scope.FindContext<StackIdentity>() ?? throw new SynthesisException(
        $"{scope.Path}: no stack above this construct. Set it on the blueprint before building constructs: blueprint.SetContext(stack).");
}

using Infra.Platform;
using Infra.Platform.Configuration;
using Infra.Synthesis;

namespace Infra.Stacks;

/// <summary>A tier the suite can synthesize: the config keys it reads and how it builds its program.</summary>
public interface ITier
{
    Tier Tier { get; }

    /// <summary>Every <c>infra:*</c> key this tier reads (common keys included).</summary>
    IReadOnlyList<ConfigKey> Keys { get; }

    /// <summary>
    /// Reads and validates the config, then creates the tier's resources in the blueprint. Returns the
    /// stack's identity (its validated settings), which the policy pack checks the program against.
    /// </summary>
    StackIdentity Build(Blueprint blueprint, ConfigReader config);
}

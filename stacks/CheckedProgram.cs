using Infra.Platform.Configuration;
using Infra.Policies;
using Infra.Policies.Exemptions;
using Infra.Synthesis;
using Infra.Synthesis.Emission;

namespace Infra.Stacks;

/// <summary>
/// A synthesized program with the policy pack's report on it. <see cref="Report"/> and
/// <see cref="Policies"/> are null for the plugin-discovery program, which has no stack to check.
/// </summary>
public sealed record CheckedProgram(Blueprint Blueprint, PolicyReport? Report, PolicyConfig? Policies)
{
    /// <summary>Config findings that do not stop synthesis (placeholders on a stack that is not production).</summary>
    public IReadOnlyList<ConfigError> Warnings { get; init; } = [];

    /// <summary>The program written while the policy pack ran (<c>renderAhead</c>), or null to write it when asked.</summary>
    internal Task<ProgramText>? Rendering { get; init; }

    /// <summary>The program's text: the one written ahead when there is one (its errors surface here, not before).</summary>
    public ProgramText Render() => Rendering is { } rendering ? rendering.GetAwaiter().GetResult() : Blueprint.Render();
}

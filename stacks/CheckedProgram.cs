using Infra.Platform.Configuration;
using Infra.Policies;
using Infra.Policies.Exemptions;
using Infra.Synthesis;

namespace Infra.Stacks;

/// <summary>
/// A synthesized program with the policy pack's report on it. <see cref="Report"/> and
/// <see cref="Policies"/> are null for the plugin-discovery program, which has no stack to check.
/// </summary>
public sealed record CheckedProgram(Blueprint Blueprint, PolicyReport? Report, PolicyConfig? Policies)
{
    /// <summary>Config findings that do not stop synthesis (placeholders on a stack that is not production).</summary>
    public IReadOnlyList<ConfigError> Warnings { get; init; } = [];
}

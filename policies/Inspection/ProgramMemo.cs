using System.Runtime.CompilerServices;
using Infra.Synthesis;

namespace Infra.Policies.Inspection;

/// <summary>
/// A fact about a whole program that several rules read (its security-group rules, its Nomad jobs), computed once
/// per program. A program only grows, and a fact depends on its resources, so an answer is kept with the number of
/// resources it saw and computed again when resources were added since. The answers go with their program. Safe
/// from several threads: threads that find no answer may each compute one; the answers are equal and either is kept.
/// </summary>
public sealed class ProgramMemo<T>(Func<Blueprint, T> compute)
{
    private sealed record Answer(int Resources, T Value);

    private readonly ConditionalWeakTable<Blueprint, Answer> byProgram = new();

    public T Get(Blueprint blueprint)
    {
        var resources = blueprint.Resources.Count;
        if (byProgram.TryGetValue(blueprint, out var kept) && kept.Resources == resources) return kept.Value;
        var answer = new Answer(resources, compute(blueprint));
        byProgram.AddOrUpdate(blueprint, answer);
        return answer.Value;
    }
}

namespace Infra.Operations.Diff;

/// <summary>The diff of one stack (tier) in a report.</summary>
/// <param name="Note">Something the reader must know to read the diff right (e.g. the base could not be synthesized, so everything shows as added).</param>
/// <param name="Error">The head program could not be produced: no diff, and the command fails after printing the others.</param>
public sealed record TierDiff(string Stack, ProgramDiff Diff, string? Note = null, string? Error = null)
{
    public static TierDiff Failed(string stack, string error) => new(stack, ProgramDiff.Compare("", ""), null, error);

    /// <summary>The summary line's counts: <c>+3 ~1 -0</c>, <c>no changes</c> or <c>error</c>.</summary>
    /// <summary>The monthly cost before and after (<c>CostRenderer.Delta</c>) when it changes; null otherwise.</summary>
    public string? CostChange { get; init; }

    /// <summary>The tier's Mermaid diagram with added and removed parts marked, for a changed tier; null otherwise.</summary>
    public string? Diagram { get; init; }

    public string Headline => Error is not null ? "error" : Diff.IsEmpty ? "no changes" : Diff.Counts;
}

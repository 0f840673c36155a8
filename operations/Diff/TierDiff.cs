namespace Infra.Operations.Diff;

/// <summary>The diff of one stack (tier) in a report.</summary>
public sealed record TierDiff(string Stack, ProgramDiff Diff);

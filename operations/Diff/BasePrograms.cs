namespace Infra.Operations.Diff;

/// <summary>The programs of each stack at the base, and the stacks the base could not synthesize (with why).</summary>
public sealed record BasePrograms(IReadOnlyDictionary<string, string> Programs, IReadOnlyDictionary<string, string> Failures);

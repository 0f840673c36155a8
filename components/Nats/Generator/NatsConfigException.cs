namespace Infra.Nats;

/// <summary>One thing wrong with a <see cref="NatsSuperClusterSpec"/>: where it is, what is wrong, how to fix it.</summary>
public sealed record NatsProblem(string Where, string What, string Fix)
{
    /// <summary>The rule broken, for a caller that reports some rules against its own settings (a tier's config key).</summary>
    public NatsRule Rule { get; init; } = NatsRule.Other;

    /// <summary>The region the problem is in, when it is in one.</summary>
    public string? Region { get; init; }

    public override string ToString() => $"{Where}: {What} Fix: {Fix}";
}

/// <summary>The rules a caller may tell apart; every other problem is <see cref="Other"/>.</summary>
public enum NatsRule
{
    Other,

    /// <summary>A region has fewer servers than <see cref="NatsSpecValidator.MinimumServersPerRegion"/>.</summary>
    TooFewServers,
}

/// <summary>Every problem of a spec at once, so one run shows all there is to fix.</summary>
public sealed class NatsConfigException(IReadOnlyList<NatsProblem> problems)
    : Exception($"The NATS super-cluster cannot be configured ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n" +
                string.Join("\n", problems.Select(p => $"  - {p}")))
{
    public IReadOnlyList<NatsProblem> Problems { get; } = problems;
}

namespace Infra.Nats;

/// <summary>One thing wrong with a <see cref="NatsSuperClusterSpec"/>: where it is, what is wrong, how to fix it.</summary>
public sealed record NatsProblem(string Where, string What, string Fix)
{
    public override string ToString() => $"{Where}: {What} Fix: {Fix}";
}

/// <summary>Every problem of a spec at once, so one run shows all there is to fix.</summary>
public sealed class NatsConfigException(IReadOnlyList<NatsProblem> problems)
    : Exception($"The NATS super-cluster cannot be configured ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n" +
                string.Join("\n", problems.Select(p => $"  - {p}")))
{
    public IReadOnlyList<NatsProblem> Problems { get; } = problems;
}

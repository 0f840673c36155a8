namespace Infra.Operations.Diff;

/// <summary>
/// The diffs of several stacks against one base, e.g. every tier of a pull request.
/// </summary>
/// <param name="BaseLabel">What the base is (a git ref or a file name), shown in headings and in the hint to reproduce locally.</param>
public sealed record DiffReport(string BaseLabel, IReadOnlyList<TierDiff> Tiers)
{
    public bool HasChanges => Tiers.Any(tier => !tier.Diff.IsEmpty);

    /// <summary>The command that shows a tier's full diff on a developer machine.</summary>
    public string LocalCommand(string stack) =>
        BaseLabel.Length == 0 ? $"infra diff {stack}" : $"infra diff {stack} --base {BaseLabel}";
}

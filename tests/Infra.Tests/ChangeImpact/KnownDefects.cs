namespace Infra.Tests.ChangeImpact;

/// <summary>
/// THE ONE MARKER for catalogue entries that fail on this branch because of a defect another branch fixes.
/// Each entry must still fail, and only with violations that mention one of its patterns; once the fix is
/// merged the entry passes, the test says "no longer reproduces", and its line here must be deleted.
/// </summary>
public static class KnownDefects
{
    /// <param name="Defect">The issue item (issue 9, part A) and the branch that fixes it.</param>
    /// <param name="Evidence">Every violation must contain one of these: anything else is a new failure.</param>
    public sealed record KnownDefect(string Defect, IReadOnlyList<string> Evidence);

    public static readonly IReadOnlyDictionary<string, KnownDefect> ByEntry = new Dictionary<string, KnownDefect>
    {
    };
}

namespace Infra.Tests.ChangeImpact;

/// <summary>
/// THE ONE MARKER for day-2 checks that fail on this branch because of a defect that another branch fixes
/// (or that is not fixed yet). Such a check must still fail, and only with violations that contain one of
/// its evidence strings; once the fix is merged it passes, the test says "no longer reproduces", and its
/// line here must be deleted. Nothing else in the catalogue or the tests is marked.
/// </summary>
public static class KnownDefects
{
    /// <param name="Defect">The issue item and the branch that fixes it.</param>
    /// <param name="Evidence">Every violation must contain one of these: anything else is a new failure.</param>
    public sealed record KnownDefect(string Defect, IReadOnlyList<string> Evidence);

    /// <summary>Empty today: every catalogued day-2 change does exactly what its entry says.</summary>
    public static readonly IReadOnlyDictionary<string, KnownDefect> ByCheck = new Dictionary<string, KnownDefect>
    {
    };

    /// <summary>Passes when the check has no violations, or when it is a known defect that still fails for exactly that defect.</summary>
    /// <remarks>Set <c>INFRA_SHOW_KNOWN_DEFECTS=1</c> to see every known defect fail with its full output.</remarks>
    public static void Verify(string id, string what, IReadOnlyList<string> violations)
    {
        var show = Environment.GetEnvironmentVariable("INFRA_SHOW_KNOWN_DEFECTS") == "1";
        if (!show && ByCheck.TryGetValue(id, out var known))
        {
            Assert.True(violations.Count > 0,
                $"'{id}' now does exactly what it should: {known.Defect} no longer reproduces. Delete its line from KnownDefects.cs.");
            var unexplained = violations.Where(violation => !known.Evidence.Any(violation.Contains)).ToList();
            Assert.True(unexplained.Count == 0, $"'{id}' fails for more than {known.Defect}:\n  {string.Join("\n  ", unexplained)}");
            return;
        }
        Assert.True(violations.Count == 0, $"'{id}' ({what}) changes more or less than it should:\n  {string.Join("\n  ", violations)}");
    }
}

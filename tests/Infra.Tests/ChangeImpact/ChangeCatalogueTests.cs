using Infra.Stacks;
using Infra.Platform;

namespace Infra.Tests.ChangeImpact;

/// <summary>
/// Layer 8 of the test plan: every day-2 change in every tier's catalogue, synthesized before and after
/// in-process and compared with the same offline diff as <c>infra diff</c>.
/// </summary>
public class ChangeCatalogueTests
{
    public static TheoryData<string> Entries() => [.. ChangeCatalogue.All.Select(change => change.Id)];

    [Theory]
    [MemberData(nameof(Entries))]
    public void A_day_two_change_touches_only_what_its_catalogue_entry_names(string id)
    {
        var entry = ChangeCatalogue.Find(id);
        var violations = ImpactCheck.Violations(entry, TierSynthesis.Diff(entry));

        if (KnownDefects.ByEntry.TryGetValue(id, out var known))
        {
            Assert.True(violations.Count > 0,
                $"'{id}' now does exactly what its catalogue entry says: {known.Defect} is fixed. Delete its line from KnownDefects.cs.");
            var unexplained = violations.Where(violation => !known.Evidence.Any(violation.Contains)).ToList();
            Assert.True(unexplained.Count == 0,
                $"'{id}' fails for more than {known.Defect}:\n  {string.Join("\n  ", unexplained)}");
            return;
        }
        Assert.True(violations.Count == 0, $"'{id}' ({entry.Why}) changes more or less than its catalogue entry says:\n  {string.Join("\n  ", violations)}");
    }

    [Fact]
    public void Every_available_tier_has_a_change_catalogue()
    {
        var missing = TierRegistry.Available.Select(tier => TierShape.Of(tier.Tier).Name).Except(ChangeCatalogue.Tiers).ToList();
        Assert.True(missing.Count == 0,
            $"No change catalogue for {string.Join(", ", missing)}: add tests/Infra.Tests/ChangeImpact/Catalogue/<tier>.yaml (see operations/README.md, 'Change impact').");
    }

    [Fact]
    public void Every_known_defect_names_a_catalogue_entry()
    {
        Assert.All(KnownDefects.ByEntry.Keys, id => Assert.Contains(id, ChangeCatalogue.All.Select(change => change.Id)));
    }
}

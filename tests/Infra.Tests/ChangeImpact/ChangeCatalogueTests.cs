using Infra.Platform;
using Infra.Stacks;

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
        KnownDefects.Verify(id, entry.Why, ImpactCheck.Violations(entry, TierSynthesis.Diff(entry)));
    }

    [Fact]
    public void Every_available_tier_has_a_change_catalogue()
    {
        var missing = TierRegistry.Available.Select(tier => TierShape.Of(tier.Tier).Name).Except(ChangeCatalogue.Tiers).ToList();
        Assert.True(missing.Count == 0,
            $"No change catalogue for {string.Join(", ", missing)}: add tests/Infra.Tests/ChangeImpact/Catalogue/<tier>.yaml (see operations/README.md, 'Change impact').");
    }

    [Fact]
    public void Every_known_defect_names_an_existing_check()
    {
        var checks = ChangeCatalogue.All.Select(change => change.Id).Append(CodeChangeTests.ComponentGainsAFirstResource).ToList();
        Assert.All(KnownDefects.ByCheck.Keys, id => Assert.Contains(id, checks));
    }
}

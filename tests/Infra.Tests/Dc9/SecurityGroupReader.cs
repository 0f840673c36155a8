using Infra.Platform.Network;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Dc9;

/// <summary>
/// Turns the security-group resources of a synthesized program into the analyzer's plain records:
/// groups are named by their logical resource name, and a rule's <c>${group.id}</c> reference becomes
/// that name.
/// </summary>
internal static class SecurityGroupReader
{
    public static List<SecurityGroup> Read(YamlMappingNode program)
    {
        var resources = ((YamlMappingNode)program["resources"]).Children
            .Select(r => (Name: ((YamlScalarNode)r.Key).Value!, Node: (YamlMappingNode)r.Value))
            .ToList();
        string Type(YamlMappingNode node) => ((YamlScalarNode)node["type"]).Value!;
        var groups = resources.Where(r => Type(r.Node) == "aws:ec2/securityGroup:SecurityGroup").Select(r => r.Name).ToList();
        Assert.DoesNotContain(resources, r => Type(r.Node) == "aws:ec2/securityGroupRule:SecurityGroupRule");

        var rules = resources
            .Where(r => Type(r.Node) is "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" or "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")
            .Select(r =>
            {
                var p = (YamlMappingNode)r.Node["properties"];
                string? Get(string key) => p.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;
                var owner = GroupName(Get("securityGroupId")!);
                var rule = new SecurityGroupRule(
                    Get("ipProtocol")!,
                    int.Parse(Get("fromPort") ?? "-1", System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(Get("toPort") ?? "-1", System.Globalization.CultureInfo.InvariantCulture),
                    Cidrs: Get("cidrIpv4") is { } cidr ? [Ipv4Cidr.Parse(cidr)] : [],
                    SecurityGroupIds: Get("referencedSecurityGroupId") is { } peer ? [GroupName(peer)] : [],
                    PrefixListIds: Get("prefixListId") is { } list ? [list] : []);
                return (Owner: owner, Ingress: Type(r.Node).Contains("Ingress"), Rule: rule);
            })
            .ToList();
        // Inline rules on a group would bypass this reading; the suite never writes them.
        Assert.All(resources.Where(r => Type(r.Node) == "aws:ec2/securityGroup:SecurityGroup"),
            r => Assert.DoesNotContain(((YamlMappingNode)r.Node["properties"]).Children.Keys, k => k.ToString() is "ingress" or "egress"));
        return groups.Select(g => new SecurityGroup(g,
            rules.Where(r => r.Owner == g && r.Ingress).Select(r => r.Rule).ToList(),
            rules.Where(r => r.Owner == g && !r.Ingress).Select(r => r.Rule).ToList())).ToList();
    }

    private static string GroupName(string reference)
    {
        Assert.Matches(@"^\$\{[a-z0-9-]+\.id\}$", reference);
        return reference[2..^4];
    }
}

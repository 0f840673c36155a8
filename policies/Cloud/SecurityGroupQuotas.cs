using Infra.Policies.Inspection;
using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-004: security groups stay within the default VPC quotas: at most 60 inbound and 60 outbound
/// rules per group, counted per address family (a rule naming another group or a prefix list counts
/// once for IPv4 and once for IPv6), and at most 5 groups per network interface (instances, launch
/// templates) and per load balancer. Past a quota the create call that adds the rule or group fails.
/// </summary>
public sealed class SecurityGroupQuotas : ProgramPolicy
{
    public const int RulesPerDirection = 60;
    public const int GroupsPerInterface = 5;

    public const string VpcQuotas = "Amazon VPC User Guide, Amazon VPC quotas, Security groups: Inbound or outbound rules per security group (60), " +
                                    "Security groups per network interface (5)";

    public const string AlbQuotas = "Elastic Load Balancing User Guide, Quotas for your Application Load Balancers: Security groups per load balancer (5)";

    public override string Id => "CLD-004";
    public override string Title => "Security groups stay within the rules-per-group and groups-per-interface quotas";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var blueprint = context.Blueprint;
        var violations = new List<Violation>();
        var groups = blueprint.Resources.Where(r => r.Type is Tokens.SecurityGroup or Tokens.DefaultSecurityGroup && r.Get is null).ToList();
        // The separate rule resources by the group they name, found once (a scan per group is quadratic in a large program).
        var rules = RulesByGroup(blueprint);
        foreach (var group in groups)
        {
            foreach (var ingress in new[] { true, false })
            {
                var (v4, v6) = Count(group, ingress, rules[group.Name]);
                var direction = ingress ? "inbound" : "outbound";
                foreach (var (family, count) in new[] { ("IPv4", v4), ("IPv6", v6) }.Where(c => c.Item2 > RulesPerDirection))
                    violations.Add(Violation(group.Name, ingress ? "ingress" : "egress",
                        $"has {count} {direction} {family} rules (inline and separate rule resources, one per CIDR or referenced group); " +
                        $"the default quota is {RulesPerDirection} per direction and address family, so the create call that adds the {RulesPerDirection + 1}th fails.",
                        VpcQuotas,
                        "merge rules (port ranges, a prefix list or a referenced group instead of many CIDRs), or split the group; " +
                        "with a raised quota, waive this finding with a reason in infra:policyExemptions."));
            }
        }

        var attached = blueprint.Resources.Where(r => r.Get is null && (r.Type is Tokens.Instance or Tokens.LaunchTemplate or Tokens.LoadBalancer || r.Type == "aws:alb/loadBalancer:LoadBalancer")).ToList();
        foreach (var resource in attached)
        {
            var paths = resource.Type switch
            {
                Tokens.LaunchTemplate => new[] { "vpcSecurityGroupIds", "securityGroupNames" },
                Tokens.Instance => new[] { "vpcSecurityGroupIds", "securityGroups" },
                _ => new[] { "securityGroups" },
            };
            foreach (var path in paths)
            {
                var count = Props.List(resource, path).Count;
                if (count <= GroupsPerInterface) continue;
                var lb = resource.Type is not (Tokens.Instance or Tokens.LaunchTemplate);
                violations.Add(Violation(resource.Name, path,
                    $"lists {count} security groups; the default quota is {GroupsPerInterface} per {(lb ? "load balancer" : "network interface")}.",
                    lb ? AlbQuotas : VpcQuotas, "merge the groups' rules into fewer groups."));
            }
            var interfaces = Props.List(resource, "networkInterfaces");
            for (var i = 0; i < interfaces.Count; i++)
            {
                var count = Props.List(Props.Get(interfaces[i], "securityGroups")).Count;
                if (count > GroupsPerInterface)
                    violations.Add(Violation(resource.Name, $"networkInterfaces[{i}].securityGroups",
                        $"lists {count} security groups; the default quota is {GroupsPerInterface} per network interface.",
                        VpcQuotas, "merge the groups' rules into fewer groups."));
            }
        }
        return (groups.Count + attached.Count, violations);
    }

    /// <summary>The group's rules in one direction, as AWS counts them: (IPv4 entries, IPv6 entries).</summary>
    public static (int V4, int V6) Count(Blueprint blueprint, Resource group, bool ingress) => Count(group, ingress, RulesByGroup(blueprint)[group.Name]);

    private static ILookup<string, Resource> RulesByGroup(Blueprint blueprint) =>
        blueprint.Resources
            .Where(r => r.Get is null && r.Type is Tokens.SecurityGroupRule or Tokens.VpcIngressRule or Tokens.VpcEgressRule)
            .SelectMany(r => Props.ReferencedNames(Props.Get(r, "securityGroupId")).Distinct().Select(name => (Name: name, Rule: r)))
            .ToLookup(x => x.Name, x => x.Rule, StringComparer.Ordinal);

    private static (int V4, int V6) Count(Resource group, bool ingress, IEnumerable<Resource> separateRules)
    {
        int v4 = 0, v6 = 0;
        void Add(int ipv4, int ipv6, int references)
        {
            v4 += ipv4 + references;
            v6 += ipv6 + references;
        }

        foreach (var item in Props.List(group, ingress ? "ingress" : "egress"))
            Add(Props.List(Props.Get(item, "cidrBlocks")).Count, Props.List(Props.Get(item, "ipv6CidrBlocks")).Count,
                Props.List(Props.Get(item, "securityGroups")).Count + Props.List(Props.Get(item, "prefixListIds")).Count +
                (Props.Bool(Props.Get(item, "self")) == true ? 1 : 0));

        foreach (var rule in separateRules)
        {
            switch (rule.Type)
            {
                case Tokens.SecurityGroupRule when (Props.String(rule, "type") == "ingress") == ingress:
                    Add(Props.List(rule, "cidrBlocks").Count, Props.List(rule, "ipv6CidrBlocks").Count,
                        (Props.Has(rule, "sourceSecurityGroupId") ? 1 : 0) + (Props.Bool(rule, "self") == true ? 1 : 0) +
                        Props.List(rule, "prefixListIds").Count);
                    break;
                case Tokens.VpcIngressRule when ingress:
                case Tokens.VpcEgressRule when !ingress:
                    Add(Props.Has(rule, "cidrIpv4") ? 1 : 0, Props.Has(rule, "cidrIpv6") ? 1 : 0,
                        Props.Has(rule, "referencedSecurityGroupId") || Props.Has(rule, "prefixListId") ? 1 : 0);
                    break;
            }
        }
        return (v4, v6);
    }
}

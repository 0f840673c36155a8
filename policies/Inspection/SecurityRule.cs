using Infra.Synthesis;
using Infra.Synthesis.Expressions;

namespace Infra.Policies.Inspection;

/// <summary>
/// One security-group rule in a common shape, whichever way the program wrote it: inline in a
/// security group, a <c>SecurityGroupRule</c>, or a <c>vpc.SecurityGroupIngress/EgressRule</c>.
/// </summary>
/// <param name="Declared">The resource holding the rule (the violation's subject).</param>
/// <param name="Where">Which rule of the resource, for messages: <c>ingress[0]</c>.</param>
/// <param name="Group">The security group the rule belongs to, when the program names it.</param>
/// <param name="Protocol">Lower-case: tcp, udp, icmp, -1 (all).</param>
/// <param name="Cidrs">Literal IPv4 and IPv6 source/destination ranges.</param>
public sealed record SecurityRule(
    Resource Declared, string Where, Resource? Group, bool Ingress, string Protocol, int? FromPort, int? ToPort,
    IReadOnlyList<string> Cidrs)
{
    public bool AllProtocols => Protocol is "-1" or "all";

    /// <summary>All protocols, or every TCP/UDP port (0-65535).</summary>
    public bool AllPorts => AllProtocols || (Protocol is "tcp" or "udp" or "6" or "17" && FromPort is null or 0 && ToPort == 65535);

    public bool Covers(int port) =>
        AllProtocols || (Protocol is "tcp" or "6" && FromPort is { } from && ToPort is { } to && from <= port && port <= to);

    /// <summary>Every rule of the program, in program order.</summary>
    /// <remarks>Read once per program: five network rules read them all.</remarks>
    public static IReadOnlyList<SecurityRule> All(Blueprint blueprint) => Rules.Get(blueprint);

    private static readonly ProgramMemo<IReadOnlyList<SecurityRule>> Rules = new(blueprint => Read(blueprint).ToList());

    private static IEnumerable<SecurityRule> Read(Blueprint blueprint)
    {
        foreach (var resource in blueprint.Resources)
        {
            switch (resource.Type)
            {
                case Tokens.SecurityGroup or Tokens.DefaultSecurityGroup:
                    foreach (var rule in Inline(resource, "ingress", true)) yield return rule;
                    foreach (var rule in Inline(resource, "egress", false)) yield return rule;
                    break;
                case Tokens.SecurityGroupRule:
                    yield return new SecurityRule(resource, "rule",
                        Props.Referenced(blueprint, Props.Get(resource, "securityGroupId")).FirstOrDefault(),
                        Props.String(resource, "type") == "ingress",
                        ProtocolOf(Props.Get(resource, "protocol")),
                        Port(Props.Get(resource, "fromPort")), Port(Props.Get(resource, "toPort")),
                        [.. Props.Strings(Props.Get(resource, "cidrBlocks")), .. Props.Strings(Props.Get(resource, "ipv6CidrBlocks"))]);
                    break;
                case Tokens.VpcIngressRule or Tokens.VpcEgressRule:
                    yield return new SecurityRule(resource, "rule",
                        Props.Referenced(blueprint, Props.Get(resource, "securityGroupId")).FirstOrDefault(),
                        resource.Type == Tokens.VpcIngressRule,
                        ProtocolOf(Props.Get(resource, "ipProtocol")),
                        Port(Props.Get(resource, "fromPort")), Port(Props.Get(resource, "toPort")),
                        new[] { Props.String(resource, "cidrIpv4"), Props.String(resource, "cidrIpv6") }.OfType<string>().ToList());
                    break;
            }
        }
    }

    private static IEnumerable<SecurityRule> Inline(Resource group, string property, bool ingress)
    {
        var items = Props.List(group, property);
        for (var i = 0; i < items.Count; i++)
        {
            // The pattern variable is used inside its own statement, so a mutation tool can wrap it.
            if (items[i] is ObjectExpr item)
                yield return new SecurityRule(group, $"{property}[{i}]", group, ingress,
                    ProtocolOf(item["protocol"]), Port(item["fromPort"]), Port(item["toPort"]),
                    [.. Props.Strings(item["cidrBlocks"]), .. Props.Strings(item["ipv6CidrBlocks"])]);
        }
    }

    private static string ProtocolOf(Expr? expr) => (Props.String(expr) ?? "").ToLowerInvariant();

    private static int? Port(Expr? expr) => Props.Number(expr) is { } n ? (int)n : null;

    public string Describe()
    {
        var ports = AllProtocols ? "all traffic" : FromPort == ToPort ? $"{Protocol} port {FromPort}" : $"{Protocol} ports {FromPort}-{ToPort}";
        return $"{(Ingress ? "ingress" : "egress")} {Where} ({ports} {(Ingress ? "from" : "to")} {string.Join(", ", Cidrs)})";
    }
}

namespace Infra.Platform.Network;

/// <summary>
/// Computes which endpoint class can open connections to which other, on which protocol and ports,
/// from security groups alone (AWS semantics: stateful, allow-only, several groups on one interface
/// add up). A flow is reachable when the source's egress allows it towards the destination AND the
/// destination's ingress allows it from the source. Routing and NACLs are deliberately out of scope:
/// this answers "what do the security groups permit", the layer the issue pins down exactly.
///
/// Protocols are tcp, udp and icmp; "-1"/"all" means all three in full. A result covering all three in
/// full is reported as one "all" path. ICMP rules are matched by type (the code is ignored), which can
/// only over-report, never hide, a path.
/// </summary>
public static class ReachabilityAnalyzer
{
    private static readonly string[] Protocols = ["tcp", "udp", "icmp"];

    public static IReadOnlyList<ReachablePath> Analyze(IReadOnlyList<SecurityGroup> groups, IReadOnlyList<NetworkEndpoint> endpoints)
    {
        var byId = new Dictionary<string, SecurityGroup>(StringComparer.Ordinal);
        foreach (var group in groups)
            if (!byId.TryAdd(group.Id, group))
                throw new NetworkPlanException($"security group '{group.Id}' is listed twice; give each group once.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            if (!names.Add(endpoint.Name))
                throw new NetworkPlanException($"endpoint '{endpoint.Name}' is listed twice; name each endpoint class once.");
            foreach (var id in endpoint.SecurityGroupIds)
                if (!byId.ContainsKey(id))
                    throw new NetworkPlanException(
                        $"endpoint '{endpoint.Name}' carries security group '{id}', which is not among the analysed groups; pass every group.");
        }

        var paths = new List<ReachablePath>();
        foreach (var source in endpoints)
            foreach (var destination in endpoints)
            {
                // Two endpoints without any security group (e.g. internet to internet) are not ours to judge.
                if (source.SecurityGroupIds.Count == 0 && destination.SecurityGroupIds.Count == 0) continue;
                var egress = Allowed(source, destination, byId, r => r.Egress);
                var ingress = Allowed(destination, source, byId, r => r.Ingress);
                var flows = Protocols.ToDictionary(p => p, p => egress[p].Intersect(ingress[p]));
                if (Protocols.All(p => flows[p].Covers(0, FullRange(p).To)))
                {
                    paths.Add(new ReachablePath(source.Name, destination.Name, "all", 0, 65535));
                    continue;
                }
                foreach (var protocol in Protocols)
                    foreach (var (from, to) in flows[protocol].Ranges)
                        paths.Add(new ReachablePath(source.Name, destination.Name, protocol, from, to));
            }
        return paths;
    }

    /// <summary>What <paramref name="owner"/>'s groups permit towards/from <paramref name="peer"/>, per protocol.</summary>
    private static Dictionary<string, PortRangeSet> Allowed(
        NetworkEndpoint owner, NetworkEndpoint peer, Dictionary<string, SecurityGroup> groups,
        Func<SecurityGroup, IReadOnlyList<SecurityGroupRule>> direction)
    {
        // No security group: nothing is filtered on this side.
        if (owner.SecurityGroupIds.Count == 0)
            return Protocols.ToDictionary(p => p, p => PortRangeSet.Of(0, FullRange(p).To));
        var allowed = Protocols.ToDictionary(p => p, _ => PortRangeSet.Empty);
        foreach (var groupId in owner.SecurityGroupIds)
            foreach (var rule in direction(groups[groupId]))
            {
                if (!Matches(rule, groupId, peer)) continue;
                foreach (var (protocol, ports) in Ports(rule, groupId))
                    allowed[protocol] = allowed[protocol].Union(ports);
            }
        return allowed;
    }

    private static bool Matches(SecurityGroupRule rule, string ownerGroupId, NetworkEndpoint peer) =>
        (rule.SecurityGroupIds ?? []).Any(peer.SecurityGroupIds.Contains)
        || (rule.Self && peer.SecurityGroupIds.Contains(ownerGroupId))
        || (rule.Cidrs ?? []).Any(cidr => peer.Addresses.Any(cidr.Overlaps))
        || (rule.PrefixListIds ?? []).Any(id => (peer.PrefixListIds ?? []).Contains(id));

    private static IEnumerable<(string Protocol, PortRangeSet Ports)> Ports(SecurityGroupRule rule, string groupId)
    {
        switch (rule.Protocol.Trim().ToLowerInvariant())
        {
            case "-1" or "all":
                foreach (var protocol in Protocols) yield return (protocol, PortRangeSet.Of(0, FullRange(protocol).To));
                break;
            case "tcp" or "6":
                yield return ("tcp", PortRange(rule, groupId, "tcp"));
                break;
            case "udp" or "17":
                yield return ("udp", PortRange(rule, groupId, "udp"));
                break;
            case "icmp" or "1":
                yield return ("icmp", rule.FromPort == -1 ? PortRangeSet.Of(0, 255) : PortRangeSet.Of(rule.FromPort, rule.FromPort));
                break;
            default:
                throw new NetworkPlanException(
                    $"security group '{groupId}': protocol '{rule.Protocol}' is not analysed; use tcp, udp, icmp or -1 (all).");
        }
    }

    private static PortRangeSet PortRange(SecurityGroupRule rule, string groupId, string protocol)
    {
        if (rule.FromPort < 0 || rule.ToPort > 65535 || rule.FromPort > rule.ToPort)
            throw new NetworkPlanException(
                $"security group '{groupId}': {protocol} port range {rule.FromPort}-{rule.ToPort} is invalid; use 0 <= from <= to <= 65535.");
        return PortRangeSet.Of(rule.FromPort, rule.ToPort);
    }

    private static (int From, int To) FullRange(string protocol) => protocol == "icmp" ? (0, 255) : (0, 65535);
}

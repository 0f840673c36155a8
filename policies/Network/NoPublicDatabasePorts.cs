using Infra.Policies.Inspection;

namespace Infra.Policies.Network;

/// <summary>NET-003: database and consensus ports (PostgreSQL, etcd, Patroni, RAFT, Redis) are never reachable from outside the network.</summary>
public sealed class NoPublicDatabasePorts : ProgramPolicy
{
    /// <summary>PostgreSQL, Patroni REST, etcd client/peer, Redis, the platform's bus.</summary>
    public static readonly IReadOnlyList<int> Ports = [5432, 8008, 2379, 2380, 6379, 7070];

    public override string Id => "NET-003";
    public override string Title => "Database and cluster ports are not exposed outside the network";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var rules = SecurityRule.All(context.Blueprint).Where(r => r.Ingress).ToList();
        var violations = rules
            .Select(r => (Rule: r, Ports: Ports.Where(r.Covers).ToList(), External: r.Cidrs.Where(c => !Cidr.IsPrivate(c)).ToList()))
            .Where(x => x.Ports.Count > 0 && x.External.Count > 0 && !x.Rule.AllPorts)
            .Select(x => Violation(x.Rule.Declared.Name,
                $"{x.Rule.Describe()} exposes port {string.Join(", ", x.Ports)} to {string.Join(", ", x.External)}.",
                "admit these ports only from the servers' own security group or private CIDRs."));
        return (rules.Select(r => r.Declared.Name).Distinct().Count(), violations);
    }
}

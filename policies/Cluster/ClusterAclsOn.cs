namespace Infra.Policies.Cluster;

/// <summary>
/// CLU-004: Consul and Nomad agents run with ACLs on; Consul denies by default. Without ACLs anyone who reaches
/// an agent may register services, read secrets from the catalog or submit jobs.
/// </summary>
public sealed class ClusterAclsOn : ProgramPolicy
{
    public override string Id => "CLU-004";
    public override string Title => "Consul and Nomad ACLs on, Consul default deny";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var agents = ClusterInspection.AgentConfigs(context.Blueprint).ToList();
        var violations = new List<Violation>();
        foreach (var agent in agents)
        {
            var acl = agent.Config["acl"];
            if (!ClusterInspection.IsTrue(acl?["enabled"]))
                violations.Add(Violation(agent.Template.Name, $"starts {(agent.IsConsul ? "Consul" : "Nomad")} without ACLs ({agent.Path}: acl.enabled is not true).",
                    "set acl.enabled: true (ConsulAgentConfig / NomadAgentConfig do)."));
            else if (agent.IsConsul && (string?)acl?["default_policy"] != "deny")
                violations.Add(Violation(agent.Template.Name, $"lets Consul allow by default ({agent.Path}: acl.default_policy is {(string?)acl?["default_policy"] ?? "not set (allow)"}).",
                    "set acl.default_policy: deny."));
        }
        return (agents.Count, violations);
    }
}

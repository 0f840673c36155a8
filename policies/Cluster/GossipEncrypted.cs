namespace Infra.Policies.Cluster;

/// <summary>
/// CLU-005: Consul and Nomad gossip is encrypted. Consul agents carry an <c>encrypt</c> key and verify incoming
/// and outgoing gossip; Nomad servers carry <c>server.encrypt</c>. The key itself is never in the program: it is a
/// variable the boot step fills in from the region's secrets.
/// </summary>
public sealed class GossipEncrypted : ProgramPolicy
{
    public override string Id => "CLU-005";
    public override string Title => "Consul and Nomad gossip encrypted";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var agents = ClusterInspection.AgentConfigs(context.Blueprint)
            .Where(a => a.IsConsul || (a.IsNomad && a.Config["server"] is not null)).ToList();
        var violations = new List<Violation>();
        foreach (var agent in agents)
        {
            if (agent.IsConsul)
            {
                if (string.IsNullOrEmpty((string?)agent.Config["encrypt"]))
                    violations.Add(Violation(agent.Template.Name, $"starts Consul without a gossip key ({agent.Path}: no encrypt).",
                        "set encrypt from the region's generated key (ConsulAgentConfig does)."));
                else if (!ClusterInspection.IsTrue(agent.Config["encrypt_verify_incoming"]) || !ClusterInspection.IsTrue(agent.Config["encrypt_verify_outgoing"]))
                    violations.Add(Violation(agent.Template.Name, $"lets Consul accept or send unencrypted gossip ({agent.Path}).",
                        "set encrypt_verify_incoming and encrypt_verify_outgoing: true."));
            }
            else if (string.IsNullOrEmpty((string?)agent.Config["server"]?["encrypt"]))
                violations.Add(Violation(agent.Template.Name, $"starts a Nomad server without a gossip key ({agent.Path}: no server.encrypt).",
                    "set server.encrypt from the region's generated key (NomadAgentConfig does)."));
        }
        return (agents.Count, violations);
    }
}

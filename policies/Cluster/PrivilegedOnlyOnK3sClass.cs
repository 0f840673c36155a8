using Infra.Synthesis;

namespace Infra.Policies.Cluster;

/// <summary>
/// CLU-002: privileged containers only on the k3s node class. A Nomad task that runs privileged must be bound to
/// that class (a constraint on <c>${node.class}</c>), and only that class's client configuration may allow them.
/// </summary>
public sealed class PrivilegedOnlyOnK3sClass : ProgramPolicy
{
    public const string K3sClass = "k3s";

    public override string Id => "CLU-002";
    public override string Title => "Privileged containers only on the k3s node class";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var violations = new List<Violation>();
        var count = 0;
        foreach (var (resource, job) in ClusterInspection.NomadJobs(context.Blueprint))
        {
            if (job is null) continue;
            foreach (var (group, task, constraints) in ClusterInspection.Tasks(job))
            {
                count++;
                if (!ClusterInspection.IsTrue(task["Config"]?["privileged"])) continue;
                var onK3s = constraints.Any(c => (string?)c["LTarget"] == "${node.class}" && (string?)c["Operand"] is "=" or "==" && (string?)c["RTarget"] == K3sClass);
                if (!onK3s)
                    violations.Add(Violation(resource.Name, $"runs task {group}/{(string?)task["Name"]} privileged without binding it to the {K3sClass} node class.",
                        $"add the constraint {{\"LTarget\": \"${{node.class}}\", \"Operand\": \"=\", \"RTarget\": \"{K3sClass}\"}} (NomadJson.OnNodeClass), or drop privileged."));
            }
        }
        foreach (var agent in ClusterInspection.AgentConfigs(context.Blueprint).Where(a => a.IsNomad && a.Config["client"] is not null))
        {
            count++;
            var nodeClass = (string?)agent.Config["client"]?["node_class"];
            if (ClusterInspection.IsTrue(agent.Config["plugin"]?["docker"]?["config"]?["allow_privileged"]) && nodeClass != K3sClass)
                violations.Add(Violation(agent.Template.Name, $"lets Nomad clients of class '{nodeClass ?? "(none)"}' run privileged containers ({agent.Path}).",
                    $"set plugin.docker.config.allow_privileged: false; only the {K3sClass} class runs k3s."));
        }
        return (count, violations);
    }
}

using Infra.Policies.Cloud.Constraints;
using Infra.Policies.Inspection;
using Infra.Synthesis;

namespace Infra.Policies.Cloud;

/// <summary>
/// CLD-014: Docker container and local volume names are ones the engine accepts
/// (<c>[a-zA-Z0-9][a-zA-Z0-9_.-]+</c>), and no two containers, nor two networks, of one Docker host
/// (one provider) share a name: the engine refuses the second with a conflict.
/// </summary>
public sealed class DockerNamesAccepted : ProgramPolicy
{
    public override string Id => "CLD-014";
    public override string Title => "Docker names are valid and unique per Docker host";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var violations = new List<Violation>();
        var resources = context.Blueprint.Resources
            .Where(r => CreatedResources.Is(r) && r.Type is Tokens.DockerContainer or Tokens.DockerVolume or Tokens.DockerNetwork)
            .ToList();
        foreach (var resource in resources)
        {
            var rule = resource.Type switch
            {
                Tokens.DockerContainer => DockerRules.ContainerName,
                Tokens.DockerVolume when Props.String(resource, "driver") is null or "local" => DockerRules.VolumeName,
                _ => null,
            };
            var name = Props.String(resource, "name");
            if (rule is null || name is null) continue;
            var problems = rule.Problems(name);
            if (problems.Count > 0)
                violations.Add(Violation(resource.Name, "name", $"'{name}' {string.Join("; and ", problems)}: the engine rejects it.", rule.Source,
                    $"use a name that {rule.What} accept, e.g. '{context.Identity.Stack}-{resource.Name}'."));
        }

        foreach (var (type, source) in new[] { (Tokens.DockerContainer, DockerRules.ContainerConflictSource), (Tokens.DockerNetwork, DockerRules.NetworkConflictSource) })
        {
            var clashes = resources.Where(r => r.Type == type && Props.String(r, "name") is not null)
                .GroupBy(r => (Host: r.Options.Provider?.Name ?? "(default provider)", Name: Props.String(r, "name")!.TrimStart('/')))
                .Where(g => g.Count() > 1);
            foreach (var clash in clashes)
            foreach (var duplicate in clash.Skip(1))
                violations.Add(Violation(duplicate.Name, "name",
                    $"is '{clash.Key.Name}', the name of {clash.First().Name} on the same Docker host ({clash.Key.Host}): the engine refuses the second create.",
                    source, "give each one its own name on that host."));
        }
        return (resources.Count, violations);
    }
}

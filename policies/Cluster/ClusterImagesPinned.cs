using Infra.Platform.Configuration;
using Infra.Synthesis;

namespace Infra.Policies.Cluster;

/// <summary>
/// CLU-003: every image a Nomad task or a Kubernetes workload runs is pinned to an exact version or digest, so a
/// reschedule never pulls something else.
/// </summary>
public sealed class ClusterImagesPinned : ProgramPolicy
{
    public override string Id => "CLU-003";
    public override string Title => "Cluster images pinned to a version or digest";
    public override Severity Severity => Severity.Mandatory;

    protected override (int Checked, IEnumerable<Violation> Violations) Check(PolicyContext context)
    {
        var images = new List<(Resource Resource, string Where, string Image)>();
        foreach (var (resource, job) in ClusterInspection.NomadJobs(context.Blueprint))
            if (job is not null)
                foreach (var (group, task, _) in ClusterInspection.Tasks(job))
                    if ((string?)task["Config"]?["image"] is { } image) images.Add((resource, $"task {group}/{(string?)task["Name"]}", image));
        foreach (var workload in context.Blueprint.Resources.Where(r => ClusterInspection.KubernetesWorkloads.Contains(r.Type)))
            foreach (var (container, image) in ClusterInspection.KubernetesImages(workload))
                images.Add((workload, $"container {container}", image));
        var violations = images
            .Where(i => ImageReference.Problem(i.Image) is not null)
            .Select(i => Violation(i.Resource.Name, $"runs {i.Where} from image '{i.Image}': {ImageReference.Problem(i.Image)}",
                "pin the image to an exact version (registry/name:1.2.3) or a digest (@sha256:...)."));
        return (images.Count, violations);
    }
}

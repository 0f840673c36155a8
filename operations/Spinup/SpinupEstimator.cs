using Infra.Operations.Graph;

namespace Infra.Operations.Spinup;

/// <summary>One step of a critical path: when it starts and ends, counted from the start of the command.</summary>
public sealed record PathStep(string Name, string Type, double StartSeconds, double EndSeconds, DependencyKind? WaitedVia);

/// <summary>The estimated wall time of <c>pulumi up</c> (everything created) and <c>pulumi destroy</c>, with their critical paths.</summary>
public sealed record SpinupEstimate(
    TimeSpan Up,
    TimeSpan Destroy,
    IReadOnlyList<PathStep> UpCriticalPath,
    IReadOnlyList<PathStep> DestroyCriticalPath,
    IReadOnlyList<string> TypesWithoutTiming,
    int Resources,
    string TimingsAsOf)
{
    /// <summary>Whole minutes to start a spin-up ahead of the time it must be ready (the estimate, rounded up).</summary>
    public int UpLeadMinutes => (int)Math.Ceiling(Up.TotalMinutes);
}

/// <summary>
/// Estimates how long Pulumi takes to create or destroy a whole program, the way its engine runs it:
/// every operation starts as soon as everything it waits for is done (the CLI's default parallelism is
/// unbounded), so the wall time is the longest chain of typical times through the dependency graph
/// (references, dependsOn, provider and parent; <see cref="ProgramGraph"/>). A destroy runs the same
/// graph backwards: a resource is deleted once everything that waits for it is gone.
/// </summary>
public static class SpinupEstimator
{
    /// <summary>
    /// The lead the schedule uses for a stack whose program cannot be estimated (it fails to synthesize, say):
    /// the platform's target for an entirely new set of infrastructure, so the stack is likely ready in time.
    /// </summary>
    public const int FallbackLeadMinutes = 10;

    /// <summary>Minutes to start <c>pulumi up</c> of this program ahead of the time it must be ready (for the schedule).</summary>
    public static int UpLeadMinutes(string programYaml) => Estimate(programYaml).UpLeadMinutes;

    /// <exception cref="ProgramCycleException">The program has a cycle, so Pulumi would not run it at all.</exception>
    public static SpinupEstimate Estimate(string programYaml, ResourceTimings? timings = null) =>
        Estimate(ProgramGraph.Of(programYaml), timings ?? ResourceTimings.Shipped);

    public static SpinupEstimate Estimate(ProgramGraph graph, ResourceTimings timings)
    {
        var order = graph.DependencyOrder();

        double Create(ProgramNode node) => node.IsVariable
            ? node.Type == "variable" ? 0 : timings.InvokeSeconds
            : timings.For(node.Type, node.Name).CreateSeconds;
        double Delete(ProgramNode node) =>
            node.IsVariable || node.Option("retainOnDelete") ? 0 : timings.For(node.Type, node.Name).DeleteSeconds;

        // up: a node ends when it has run after the last of what it waits for.
        var upEnd = new Dictionary<string, double>(StringComparer.Ordinal);
        var upVia = new Dictionary<string, Dependency?>(StringComparer.Ordinal);
        foreach (var node in order)
        {
            var last = node.Dependencies.OrderByDescending(d => upEnd[d.Name]).ThenBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault();
            var start = last is null ? timings.UpStartSeconds : upEnd[last.Name];
            upEnd[node.Name] = start + Create(node);
            upVia[node.Name] = last;
        }

        // destroy: a node ends when it has been deleted after the last node that waits for it.
        var downEnd = new Dictionary<string, double>(StringComparer.Ordinal);
        var downVia = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var node in order.Reverse())
        {
            var last = graph.DependentsOf(node.Name).OrderByDescending(d => downEnd[d]).ThenBy(d => d, StringComparer.Ordinal).FirstOrDefault();
            var start = last is null ? timings.DestroyStartSeconds : downEnd[last];
            downEnd[node.Name] = start + Delete(node);
            downVia[node.Name] = last;
        }

        var upPath = new List<PathStep>();
        for (var name = Latest(upEnd); name is not null; name = upVia[name]?.Name)
        {
            var node = graph.Nodes[name];
            upPath.Add(new PathStep(name, node.Type, upEnd[name] - Create(node), upEnd[name], upVia[name]?.Kind));
        }
        upPath.Reverse();

        var downPath = new List<PathStep>();
        for (var name = Latest(downEnd); name is not null; name = downVia[name])
        {
            var node = graph.Nodes[name];
            var via = downVia[name] is { } dependent ? graph.Nodes[dependent].Dependencies.First(d => d.Name == name).Kind : (DependencyKind?)null;
            downPath.Add(new PathStep(name, node.Type, downEnd[name] - Delete(node), downEnd[name], via));
        }
        downPath.Reverse();

        var resources = graph.Resources.ToList();
        return new SpinupEstimate(
            TimeSpan.FromSeconds(upEnd.Count == 0 ? 0 : upEnd.Values.Max()),
            TimeSpan.FromSeconds(downEnd.Count == 0 ? 0 : downEnd.Values.Max()),
            upPath,
            downPath,
            [.. resources.Select(r => r.Type).Where(type => !timings.Knows(type)).Distinct().Order(StringComparer.Ordinal)],
            resources.Count,
            timings.AsOf);
    }

    private static string? Latest(Dictionary<string, double> ends) =>
        ends.Count == 0 ? null : ends.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).First().Key;
}

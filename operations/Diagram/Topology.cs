namespace Infra.Operations.Diagram;

public enum NodeShape { Box, Database, Dns, External }

/// <summary>Whether a part is new, gone or unchanged compared with a base program.</summary>
public enum PartStatus { Same, Added, Removed }

public sealed record DiagramCluster(string Id, string Label, string? Parent);

public sealed record DiagramNode(string Id, string Label, NodeShape Shape, string? Cluster);

public sealed record DiagramEdge(string From, string To, string? Label = null);

/// <summary>
/// The picture of a program: nested clusters (region, VPC, AZ, Service, Docker host), nodes and edges, each
/// with an id that comes from what it is (a resource's logical name, a Service's name), so a base program's
/// topology lines up with the head's and added or removed parts can be marked.
/// </summary>
public sealed class Topology
{
    public List<DiagramCluster> Clusters { get; } = [];
    public List<DiagramNode> Nodes { get; } = [];
    public List<DiagramEdge> Edges { get; } = [];
    public Dictionary<string, PartStatus> Status { get; } = new(StringComparer.Ordinal);

    public PartStatus StatusOf(string id) => Status.GetValueOrDefault(id, PartStatus.Same);

    public void AddCluster(DiagramCluster cluster)
    {
        if (Clusters.All(c => c.Id != cluster.Id)) Clusters.Add(cluster);
    }

    public void AddNode(DiagramNode node)
    {
        if (Nodes.All(n => n.Id != node.Id)) Nodes.Add(node);
    }

    public void AddEdge(DiagramEdge edge)
    {
        if (!Edges.Contains(edge)) Edges.Add(edge);
    }

    /// <summary>
    /// The head's topology with the base's parts it lacks added back as removed, and its own new parts
    /// marked as added. Clusters, nodes and edges are matched by id.
    /// </summary>
    public static Topology Compare(Topology baseTopology, Topology head)
    {
        var merged = new Topology();
        foreach (var cluster in head.Clusters)
        {
            merged.AddCluster(cluster);
            if (baseTopology.Clusters.All(c => c.Id != cluster.Id)) merged.Status[cluster.Id] = PartStatus.Added;
        }
        foreach (var cluster in baseTopology.Clusters.Where(c => head.Clusters.All(h => h.Id != c.Id)))
        {
            merged.AddCluster(cluster);
            merged.Status[cluster.Id] = PartStatus.Removed;
        }
        foreach (var node in head.Nodes)
        {
            var old = baseTopology.Nodes.FirstOrDefault(n => n.Id == node.Id);
            merged.AddNode(node);
            if (old is null) merged.Status[node.Id] = PartStatus.Added;
        }
        foreach (var node in baseTopology.Nodes.Where(n => head.Nodes.All(h => h.Id != n.Id)))
        {
            merged.AddNode(node);
            merged.Status[node.Id] = PartStatus.Removed;
        }
        foreach (var edge in head.Edges) merged.AddEdge(edge);
        foreach (var edge in baseTopology.Edges.Where(e => !head.Edges.Contains(e))) merged.AddEdge(edge);
        return merged;
    }
}

using System.Text;

namespace Infra.Operations.Diagram;

/// <summary>
/// A topology as Mermaid (GitHub renders it in pull-request comments) and as Graphviz DOT (for SVG and PNG
/// through <c>dot</c>). Added parts are green and marked "+", removed parts red, dashed and marked "−".
/// </summary>
public static class DiagramRenderer
{
    public static string Mermaid(Topology topology)
    {
        var ids = new Ids();
        var text = new StringBuilder();
        text.AppendLine("flowchart TB");
        void Cluster(string? parent, int depth)
        {
            foreach (var cluster in topology.Clusters.Where(c => c.Parent == parent))
            {
                var indent = new string(' ', depth * 2);
                text.AppendLine($"{indent}subgraph {ids[cluster.Id]}[\"{MermaidText(Mark(topology, cluster.Id, cluster.Label))}\"]");
                foreach (var node in topology.Nodes.Where(n => n.Cluster == cluster.Id)) MermaidNode(text, ids, topology, node, indent + "  ");
                Cluster(cluster.Id, depth + 1);
                text.AppendLine($"{indent}end");
            }
        }
        foreach (var node in topology.Nodes.Where(n => n.Cluster is null)) MermaidNode(text, ids, topology, node, "  ");
        Cluster(null, 1);
        foreach (var edge in topology.Edges)
        {
            var label = edge.Label is null ? "" : $"|\"{MermaidText(edge.Label)}\"|";
            text.AppendLine($"  {ids[edge.From]} -->{label} {ids[edge.To]}");
        }
        text.AppendLine("  classDef added fill:#dafbe1,stroke:#1a7f37,color:#1a7f37");
        text.AppendLine("  classDef removed fill:#ffebe9,stroke:#cf222e,color:#cf222e,stroke-dasharray:5 5");
        foreach (var kind in new[] { PartStatus.Added, PartStatus.Removed })
        {
            var marked = topology.Status.Where(s => s.Value == kind).Select(s => ids[s.Key]).Order(StringComparer.Ordinal).ToList();
            if (marked.Count > 0) text.AppendLine($"  class {string.Join(',', marked)} {kind.ToString().ToLowerInvariant()}");
        }
        return text.ToString();
    }

    private static void MermaidNode(StringBuilder text, Ids ids, Topology topology, DiagramNode node, string indent)
    {
        var label = $"\"{MermaidText(Mark(topology, node.Id, node.Label))}\"";
        var shape = node.Shape switch
        {
            NodeShape.Database => $"[({label})]",
            NodeShape.Dns => $"{{{{{label}}}}}",
            NodeShape.External => $"(({label}))",
            _ => $"[{label}]",
        };
        text.AppendLine($"{indent}{ids[node.Id]}{shape}");
    }

    public static string Dot(Topology topology, string title)
    {
        var ids = new Ids();
        var text = new StringBuilder();
        text.AppendLine("digraph infra {");
        text.AppendLine($"  label=\"{DotText(title)}\"; labelloc=t; fontname=\"Helvetica\"; fontsize=16;");
        // Several regions side by side would be pages wide: left to right, they stack instead, each region's
        // unconnected parts (workloads, jobs) kept in a row by invisible edges rather than in a tall column.
        var regions = topology.Clusters.Count(c => c.Id.StartsWith("region:", StringComparison.Ordinal));
        var stacked = regions > 1;
        text.AppendLine($"  rankdir={(stacked ? "LR" : "TB")}; newrank=true; compound=true; nodesep=0.3; ranksep=0.5;");
        text.AppendLine("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];");
        text.AppendLine("  edge [color=\"#57606a\", fontname=\"Helvetica\", fontsize=9];");
        void Cluster(string? parent, int depth)
        {
            foreach (var cluster in topology.Clusters.Where(c => c.Parent == parent))
            {
                var indent = new string(' ', depth * 2);
                var status = topology.StatusOf(cluster.Id);
                var (fill, line, style) = status switch
                {
                    PartStatus.Added => ("#dafbe1", "#1a7f37", "rounded,filled"),
                    PartStatus.Removed => ("#ffebe9", "#cf222e", "rounded,filled,dashed"),
                    _ => (ClusterFill(cluster.Id), "#8c959f", "rounded,filled"),
                };
                text.AppendLine($"{indent}subgraph cluster_{ids[cluster.Id]} {{");
                text.AppendLine($"{indent}  label=\"{DotText(Mark(topology, cluster.Id, cluster.Label))}\"; style=\"{style}\"; fillcolor=\"{fill}\"; color=\"{line}\"; fontsize=11;");
                foreach (var node in topology.Nodes.Where(n => n.Cluster == cluster.Id)) DotNode(text, ids, topology, node, indent + "  ");
                Cluster(cluster.Id, depth + 1);
                text.AppendLine($"{indent}}}");
            }
        }
        foreach (var node in topology.Nodes.Where(n => n.Cluster is null)) DotNode(text, ids, topology, node, "  ");
        Cluster(null, 1);
        foreach (var edge in topology.Edges)
        {
            var label = edge.Label is null ? "" : $" [label=\"{DotText(edge.Label)}\"]";
            text.AppendLine($"  {ids[edge.From]} -> {ids[edge.To]}{label};");
        }
        if (stacked)
        {
            var connected = topology.Edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet(StringComparer.Ordinal);
            foreach (var cluster in topology.Clusters)
            {
                var row = topology.Nodes.Where(n => n.Cluster == cluster.Id && !connected.Contains(n.Id)).Select(n => ids[n.Id]).ToList();
                for (var i = 1; i < row.Count; i++) text.AppendLine($"  {row[i - 1]} -> {row[i]} [style=invis];");
            }
        }
        text.AppendLine("}");
        return text.ToString();
    }

    private static void DotNode(StringBuilder text, Ids ids, Topology topology, DiagramNode node, string indent)
    {
        var shape = node.Shape switch
        {
            NodeShape.Database => "cylinder",
            NodeShape.Dns => "note",
            NodeShape.External => "ellipse",
            _ => "box",
        };
        var attributes = topology.StatusOf(node.Id) switch
        {
            PartStatus.Added => ", fillcolor=\"#dafbe1\", color=\"#1a7f37\", fontcolor=\"#1a7f37\", penwidth=2",
            PartStatus.Removed => ", fillcolor=\"#ffebe9\", color=\"#cf222e\", fontcolor=\"#cf222e\", style=\"rounded,filled,dashed\"",
            _ => "",
        };
        text.AppendLine($"{indent}{ids[node.Id]} [label=\"{DotText(Mark(topology, node.Id, node.Label))}\", shape={shape}{attributes}];");
    }

    private static string ClusterFill(string id) => id.Split(':')[0] switch
    {
        "region" => "#f6f8fa",
        "vpc" => "#ddf4ff",
        "az" => "#ffffff",
        "service" => "#fff8c5",
        "host" => "#f6f8fa",
        "group" => "#eef9f0",
        "k8s" => "#f5f0ff",
        "cloudflare" => "#fff4e5",
        _ => "#ffffff",
    };

    private static string Mark(Topology topology, string id, string label) => topology.StatusOf(id) switch
    {
        PartStatus.Added => "+ " + label,
        PartStatus.Removed => "− " + label,
        _ => label,
    };

    private static string MermaidText(string text) =>
        text.Replace("\"", "#quot;", StringComparison.Ordinal).Replace("\n", "<br/>", StringComparison.Ordinal);

    private static string DotText(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Identifiers both languages accept, stable for a given id (n_ plus the id's letters and digits, numbered on a clash).</summary>
    private sealed class Ids
    {
        private readonly Dictionary<string, string> assigned = new(StringComparer.Ordinal);
        private readonly HashSet<string> used = new(StringComparer.Ordinal);

        public string this[string id]
        {
            get
            {
                if (assigned.TryGetValue(id, out var known)) return known;
                var baseName = "n_" + new string([.. id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
                var name = baseName;
                for (var i = 2; !used.Add(name); i++) name = $"{baseName}_{i}";
                assigned[id] = name;
                return name;
            }
        }
    }
}

using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>
/// One <c>${root.path}</c> reference inside a Pulumi YAML value: <see cref="Root"/> is a resource,
/// variable or config name, <see cref="Accessor"/> what follows it (<c>.id</c>, <c>[0]</c>, <c>.a["b"]</c>, or "").
/// </summary>
public sealed record InterpolationReference(string Root, string Accessor)
{
    /// <summary>Every reference in a value, in document order; <c>$${...}</c> is an escaped literal, not a reference.</summary>
    public static IReadOnlyList<InterpolationReference> In(YamlNode? node)
    {
        var found = new List<InterpolationReference>();
        Collect(node, found);
        return found;
    }

    /// <summary>The references in one string.</summary>
    public static IReadOnlyList<InterpolationReference> In(string text)
    {
        var found = new List<InterpolationReference>();
        Scan(text, found);
        return found;
    }

    private static void Collect(YamlNode? node, List<InterpolationReference> found)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { } text }:
                Scan(text, found);
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children) Collect(item, found);
                break;
            case YamlMappingNode mapping:
                foreach (var (_, value) in mapping.Children) Collect(value, found);
                break;
        }
    }

    private static void Scan(string text, List<InterpolationReference> found)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] != '$') continue;
            if (text[i + 1] == '$') { i++; continue; }  // "$$" is a literal dollar
            if (text[i + 1] != '{') continue;
            var end = text.IndexOf('}', i + 2);
            if (end < 0) return;
            var inner = text[(i + 2)..end].Trim();
            var split = inner.IndexOfAny(['.', '[']);
            var root = split < 0 ? inner : inner[..split];
            if (root.Length > 0) found.Add(new InterpolationReference(root, split < 0 ? "" : inner[split..]));
            i = end;
        }
    }

    /// <summary>The name a single-reference value such as <c>${network-vpc}</c> points at (parent, provider options); null otherwise.</summary>
    public static string? WholeReference(YamlNode? node) =>
        node is YamlScalarNode { Value: { } text } && text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}')
            && In(text) is [{ Accessor: "" } only] ? only.Root : null;
}

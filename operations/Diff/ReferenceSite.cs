using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Diff;

/// <summary>A <c>${...}</c> reference and the property path (relative to <c>properties</c>) it sits at.</summary>
public sealed record ReferenceSite(string Path, InterpolationReference Reference)
{
    public static IReadOnlyList<ReferenceSite> In(YamlNode? properties)
    {
        var sites = new List<ReferenceSite>();
        Walk("", properties, sites);
        return sites;
    }

    private static void Walk(string path, YamlNode? node, List<ReferenceSite> sites)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                sites.AddRange(InterpolationReference.In(scalar).Select(reference => new ReferenceSite(path, reference)));
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++) Walk(ValueText.Index(path, i), sequence.Children[i], sites);
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children) Walk(ValueText.Member(path, ValueText.KeyText(key)), value, sites);
                break;
        }
    }
}

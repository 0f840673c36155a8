namespace Infra.Providers.Generated;

// Hand-written beside the generated Docker types: the schema gives containers, networks and volumes
// each their own {label, value} type, and every construct builds them from a tag map the same way.
public static partial class Docker
{
    public sealed partial class ContainerLabel
    {
        /// <summary>One label per tag, sorted by key so the program never depends on map order.</summary>
        public static IReadOnlyList<ContainerLabel> From(IEnumerable<KeyValuePair<string, string>> tags) =>
            Sorted(tags).Select(t => new ContainerLabel { Label = t.Key, Value = t.Value }).ToList();
    }

    public sealed partial class NetworkLabel
    {
        /// <summary>One label per tag, sorted by key so the program never depends on map order.</summary>
        public static IReadOnlyList<NetworkLabel> From(IEnumerable<KeyValuePair<string, string>> tags) =>
            Sorted(tags).Select(t => new NetworkLabel { Label = t.Key, Value = t.Value }).ToList();
    }

    public sealed partial class VolumeLabel
    {
        /// <summary>One label per tag, sorted by key so the program never depends on map order.</summary>
        public static IReadOnlyList<VolumeLabel> From(IEnumerable<KeyValuePair<string, string>> tags) =>
            Sorted(tags).Select(t => new VolumeLabel { Label = t.Key, Value = t.Value }).ToList();
    }

    private static IEnumerable<KeyValuePair<string, string>> Sorted(IEnumerable<KeyValuePair<string, string>> tags) =>
        tags.OrderBy(t => t.Key, StringComparer.Ordinal);
}

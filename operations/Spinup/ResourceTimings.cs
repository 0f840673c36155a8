using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Infra.Operations.Spinup;

/// <summary>Typical seconds to create and to delete one resource of a type, and where that figure comes from.</summary>
public sealed record ResourceTiming(double CreateSeconds, double DeleteSeconds, string Source);

/// <summary>
/// The table of typical create/delete times (<c>operations/Spinup/resource-timings.yaml</c>, kept as data
/// with a named source per entry) and the engine's own fixed costs.
/// </summary>
public sealed class ResourceTimings
{
    private const string EmbeddedName = "Infra.Operations.Spinup.resource-timings.yaml";

    public required string AsOf { get; init; }
    public required IReadOnlyDictionary<string, ResourceTiming> Types { get; init; }
    public required IReadOnlyDictionary<string, string> Sources { get; init; }
    public required ResourceTiming Default { get; init; }
    public required double UpStartSeconds { get; init; }
    public required double DestroyStartSeconds { get; init; }
    public required double InvokeSeconds { get; init; }

    private static readonly Lazy<ResourceTimings> ShippedTable = new(() =>
    {
        using var stream = typeof(ResourceTimings).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"{EmbeddedName} is not embedded in Infra.Operations.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    /// <summary>The table that ships with the suite.</summary>
    public static ResourceTimings Shipped => ShippedTable.Value;

    public ResourceTiming For(string type) => Types.GetValueOrDefault(type) ?? Default;

    public bool Knows(string type) => Types.ContainsKey(type);

    /// <exception cref="InvalidDataException">The table is malformed or an entry names an unknown source.</exception>
    public static ResourceTimings Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var sources = Map(root, "sources").Children.ToDictionary(p => Text(p.Key), p => Text(p.Value), StringComparer.Ordinal);
        var engine = Map(root, "engine");
        var types = new Dictionary<string, ResourceTiming>(StringComparer.Ordinal);
        foreach (var (key, value) in Map(root, "types").Children)
        {
            types[Text(key)] = Timing(Text(key), (YamlMappingNode)value, sources);
        }
        return new ResourceTimings
        {
            AsOf = Text(root.Children[new YamlScalarNode("asOf")]),
            Types = types,
            Sources = sources,
            Default = Timing("default", Map(root, "default"), sources),
            UpStartSeconds = Number(engine, "upStartSeconds"),
            DestroyStartSeconds = Number(engine, "destroyStartSeconds"),
            InvokeSeconds = Number(engine, "invokeSeconds"),
        };
    }

    private static ResourceTiming Timing(string what, YamlMappingNode entry, Dictionary<string, string> sources)
    {
        var source = Text(entry.Children[new YamlScalarNode("source")]);
        if (!sources.ContainsKey(source))
            throw new InvalidDataException($"resource timings: '{what}' names the source '{source}', which the sources list does not define.");
        return new ResourceTiming(Number(entry, "create"), Number(entry, "delete"), source);
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlMappingNode map
            ? map
            : throw new InvalidDataException($"resource timings: '{key}' must be a mapping.");

    private static double Number(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
        && double.TryParse(Text(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new InvalidDataException($"resource timings: '{key}' must be a number of seconds, at least 0.");

    private static string Text(YamlNode node) => node is YamlScalarNode { Value: { } value } ? value : "";
}

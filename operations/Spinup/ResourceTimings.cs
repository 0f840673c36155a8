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
    /// <summary>
    /// Readiness gates (<see cref="GateType"/> resources that poll a control plane until it answers) by the end of
    /// their name (<c>nomad-ready</c> for <c>london-nomad-ready</c>): a gate takes what the servers behind it take,
    /// not what the command provider takes.
    /// </summary>
    public IReadOnlyDictionary<string, ResourceTiming> Gates { get; init; } = new Dictionary<string, ResourceTiming>(StringComparer.Ordinal);
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

    /// <summary>The type of a readiness gate (components/Constructs/Readiness).</summary>
    public const string GateType = "command:local:Command";

    public ResourceTiming For(string type) => Types.GetValueOrDefault(type) ?? Default;

    /// <summary>The timing of one resource: its gate entry when it is a readiness gate, else its type's.</summary>
    public ResourceTiming For(string type, string name)
    {
        if (type == GateType)
        {
            // The longest matching suffix wins, so no entry shadows a more specific one.
            var gate = Gates.Where(g => name == g.Key || name.EndsWith("-" + g.Key, StringComparison.Ordinal))
                .OrderByDescending(g => g.Key.Length).Select(g => g.Value).FirstOrDefault();
            if (gate is not null) return gate;
        }
        return For(type);
    }

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
        var gates = new Dictionary<string, ResourceTiming>(StringComparer.Ordinal);
        if (root.Children.ContainsKey(new YamlScalarNode("gates")))
            foreach (var (key, value) in Map(root, "gates").Children)
                gates[Text(key)] = Timing(Text(key), (YamlMappingNode)value, sources);
        return new ResourceTimings
        {
            AsOf = Text(root.Children[new YamlScalarNode("asOf")]),
            Types = types,
            Gates = gates,
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
